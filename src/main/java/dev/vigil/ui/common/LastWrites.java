package dev.vigil.ui.common;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.ops.failover.LastSeen;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last WAL position the monitor saw each primary write, and when. Once a primary is gone this is all anyone
 * knows of what it wrote last, so a failover compares it with what the standbys received to estimate the loss.
 * Updated from every status, paused or not; read and written on the UI thread.
 */
final class LastWrites {
    private final Map<String, LastSeen> byNode = new HashMap<>();

    void observe(ClusterStatus status) {
        for (NodeStatus n : status.nodes()) {
            if (n.role() == NodeStatus.Role.PRIMARY) {
                n.walLsn().ifPresent(lsn -> byNode.put(n.node(), new LastSeen(n.node(), lsn, n.sampledAt())));
            } else if (n.role() == NodeStatus.Role.STANDBY) {
                byNode.remove(n.node()); // a demoted or rejoined node: what it wrote as a primary is history
            }
        }
    }

    Optional<LastSeen> of(String node) {
        return Optional.ofNullable(byNode.get(node));
    }

    /** The primary seen writing most recently: the one a failover now replaces. */
    Optional<LastSeen> latest() {
        return byNode.values().stream().max(Comparator.comparing(LastSeen::at));
    }
}
