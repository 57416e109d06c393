package dev.vigil.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every node of a cluster as last seen, with what follows from them together (primary, split-brain). */
public record ClusterStatus(String cluster, List<NodeStatus> nodes, Instant at) {
    public ClusterStatus {
        nodes = List.copyOf(nodes);
    }

    public List<NodeStatus> primaries() {
        return nodes.stream().filter(n -> n.role() == NodeStatus.Role.PRIMARY).toList();
    }

    /** More than one node accepts writes: the state failover tooling exists to prevent. */
    public boolean splitBrain() {
        return primaries().size() > 1;
    }

    public Optional<NodeStatus> primary() {
        List<NodeStatus> p = primaries();
        return p.size() == 1 ? Optional.of(p.get(0)) : Optional.empty();
    }

    /** A node that was the primary and is only late now: its answer is overdue, not refused, so it is not lost. */
    public Optional<NodeStatus> latePrimary() {
        return nodes.stream().filter(n -> n.isLate() && n.lastKnownRole() == NodeStatus.Role.PRIMARY).findFirst();
    }

    /**
     * No reachable node accepts writes, and none may yet turn out to: no node is still connecting and no former
     * primary is merely late. What "no primary" means in alerts, {@code watch} and the window alike.
     */
    public boolean primaryLost() {
        return !nodes.isEmpty() && primaries().isEmpty() && latePrimary().isEmpty()
                && nodes.stream().noneMatch(n -> n.reachability() == NodeStatus.Reachability.CONNECTING);
    }

    /**
     * The node a standby's WAL receiver names as its upstream, if that node is down: the standby then streams
     * from nobody, whatever its receiver still says (it notices a dead sender only at its next read).
     */
    public Optional<NodeStatus> downUpstreamOf(NodeStatus standby) {
        return standby.upstreamAddress().map(this::nodeNameFor)
                .flatMap(u -> nodes.stream().filter(n -> n.node().equals(u)).findFirst()).filter(NodeStatus::isDown);
    }

    public long reachableCount() {
        return nodes.stream().filter(NodeStatus::isUp).count();
    }

    /** The configured node behind an upstream address, by name ("pg1"), else the address itself. */
    public String nodeNameFor(String address) {
        return UpstreamNames.nameFor(nodes.stream().flatMap(n -> UpstreamNames.Known.parse(n.node(), n.address())
                .stream()).toList(), address);
    }
}
