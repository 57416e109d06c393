package dev.vigil.ops.control;

import dev.vigil.cluster.ClusterDefinition;

/** Placeholder until the command provider lands (being written on branch control-cmd). */
public final class CommandNodeControl {
    private CommandNodeControl() {}

    public static NodeControl of(ClusterDefinition cluster) {
        return NoNodeControl.INSTANCE;
    }
}
