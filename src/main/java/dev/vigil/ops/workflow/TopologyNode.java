package dev.vigil.ops.workflow;

import dev.vigil.cluster.NodeStatus;
import java.util.Optional;

/**
 * One node as a workflow found it just before planning: its role, whom it streams from, its timeline.
 *
 * @param upstream the node it streams from, by name when it is one of the cluster's, else its address
 * @param error    why the node could not be read (empty when it was)
 */
public record TopologyNode(String node, String address, NodeStatus.Role role, Optional<String> upstream,
                           Optional<Integer> timeline, String version, String error) {

    public static TopologyNode unreachable(String node, String address, String error) {
        return new TopologyNode(node, address, NodeStatus.Role.UNKNOWN, Optional.empty(), Optional.empty(), "", error);
    }

    public boolean reachable() {
        return error.isEmpty();
    }

    /** "pg2 standby of pg1, timeline 2, PostgreSQL 17.6" or "pg3 unreachable: connection refused". */
    public String describe() {
        return describe(java.util.Set.of());
    }

    /**
     * The same, with an upstream among {@code downNodes} said to be down: a standby's receiver can name a dead
     * sender for seconds, and "streaming from pg1" after pg1 died would be untrue.
     */
    public String describe(java.util.Set<String> downNodes) {
        if (!reachable()) {
            return node + " (" + address + ") " + (dev.vigil.cluster.ConnectionFailure.kindOf(error).isPresent()
                    ? "down, " : "unreachable: ") + error;
        }
        StringBuilder b = new StringBuilder(node).append(" (").append(address).append(") ");
        b.append(role == NodeStatus.Role.PRIMARY ? "primary" : role == NodeStatus.Role.STANDBY ? "standby" : "unknown role");
        upstream.ifPresent(u -> b.append(downNodes.contains(u)
                ? " streaming from nobody (its upstream " + u + " is down)" : " streaming from " + u));
        timeline.ifPresent(t -> b.append(", timeline ").append(t));
        if (!version.isEmpty()) {
            b.append(", PostgreSQL ").append(version);
        }
        return b.toString();
    }
}
