package dev.vigil.ops.control;

import dev.vigil.cluster.NodeEndpoint;
import java.util.Optional;

/** A cluster whose servers Vigil cannot stop or start: every operation is absent, every state unknown. */
public final class NoNodeControl implements NodeControl {
    public static final NoNodeControl INSTANCE = new NoNodeControl(
            "no node control configured (add 'control:' to the cluster in clusters.yaml)");
    private final String why;

    private NoNodeControl(String why) {
        this.why = why;
    }

    /** No control, for a reason other than configuration (a lab Vigil cannot attach to, say). */
    public static NoNodeControl because(String why) {
        return new NoNodeControl(why);
    }

    @Override
    public String kind() {
        return "none";
    }

    @Override
    public String describe() {
        return why;
    }

    @Override
    public Optional<ControlAction> stop(String node) {
        return Optional.empty();
    }

    @Override
    public Optional<ControlAction> start(String node) {
        return Optional.empty();
    }

    @Override
    public Optional<ControlAction> fence(String node) {
        return Optional.empty();
    }

    @Override
    public Optional<ControlAction> makeStandby(String node, NodeEndpoint upstream) {
        return Optional.empty();
    }

    @Override
    public Optional<ControlAction> rewind(String node, NodeEndpoint source) {
        return Optional.empty();
    }

    @Override
    public Optional<ControlAction> reclone(String node, NodeEndpoint source) {
        return Optional.empty();
    }

    @Override
    public ProcessState state(String node) {
        return ProcessState.unknown("Vigil has no way to see the server process of " + node + " (no node control)");
    }

    @Override
    public Optional<ShutdownRecord> shutdownRecord(String node) {
        return Optional.empty();
    }
}
