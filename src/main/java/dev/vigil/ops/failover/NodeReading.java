package dev.vigil.ops.failover;

import java.util.Optional;

/** One node's {@link NodeState}, or why it could not be read (it is then treated as unreachable). */
public record NodeReading(String node, String address, Optional<NodeState> state, String error) {

    public static NodeReading of(String node, String address, NodeState state) {
        return new NodeReading(node, address, Optional.of(state), "");
    }

    public static NodeReading unreachable(String node, String address, String error) {
        return new NodeReading(node, address, Optional.empty(), error);
    }

    public boolean reachable() {
        return state.isPresent();
    }
}
