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

    public long reachableCount() {
        return nodes.stream().filter(NodeStatus::isUp).count();
    }

    /** The configured node behind an upstream address, by name ("pg1"), else the address itself. */
    public String nodeNameFor(String address) {
        return nodes.stream().filter(n -> n.address().equals(address)).map(NodeStatus::node).findFirst()
                .orElse(address);
    }
}
