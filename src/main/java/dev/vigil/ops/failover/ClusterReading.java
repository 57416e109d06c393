package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.UpstreamNames;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every node of a cluster as read at one moment: the facts switchover, failover and rejoin plan from. */
public record ClusterReading(ClusterDefinition cluster, List<NodeReading> nodes, Instant readAt) {
    public ClusterReading {
        nodes = List.copyOf(nodes);
    }

    public Optional<NodeReading> reading(String node) {
        return nodes.stream().filter(n -> n.node().equals(node)).findFirst();
    }

    public Optional<NodeState> state(String node) {
        return reading(node).flatMap(NodeReading::state);
    }

    /** Reachable nodes out of recovery: one in a healthy cluster, two is split brain. */
    public List<NodeState> primaries() {
        return nodes.stream().flatMap(n -> n.state().stream()).filter(NodeState::primary).toList();
    }

    public List<NodeState> standbys() {
        return nodes.stream().flatMap(n -> n.state().stream()).filter(NodeState::inRecovery).toList();
    }

    public List<NodeReading> unreachable() {
        return nodes.stream().filter(n -> !n.reachable()).toList();
    }

    /**
     * The node a standby streams from (its WAL receiver's sender), or else the one its primary_conninfo names:
     * a standby whose primary is down still names it there.
     */
    public Optional<String> upstreamOf(NodeState standby) {
        if (standby.senderHost().isPresent() && standby.senderPort().isPresent()) {
            Optional<String> byReceiver = nodeAt(standby.senderHost().get(), standby.senderPort().get());
            if (byReceiver.isPresent()) {
                return byReceiver;
            }
        }
        try {
            Conninfo c = Conninfo.parse(standby.primaryConninfo());
            Optional<String> host = c.get("host").or(() -> c.get("hostaddr"));
            int port = c.get("port").map(Integer::parseInt).orElse(5432);
            return host.flatMap(h -> nodeAt(h, port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> nodeAt(String host, int port) {
        return UpstreamNames.nodeAt(UpstreamNames.of(cluster), host, port);
    }

    /** The standbys that stream (or should stream) from {@code upstream}. */
    public List<NodeState> standbysOf(String upstream) {
        return standbys().stream().filter(s -> upstreamOf(s).filter(upstream::equals).isPresent()).toList();
    }

    public Topology topology(Optional<String> focus) {
        return new Topology(cluster.name(), nodes.stream().map(this::topologyNode).toList(), focus, readAt);
    }

    private TopologyNode topologyNode(NodeReading r) {
        if (r.state().isEmpty()) {
            return TopologyNode.unreachable(r.node(), r.address(), r.error());
        }
        NodeState s = r.state().get();
        return new TopologyNode(r.node(), r.address(), s.inRecovery() ? NodeStatus.Role.STANDBY : NodeStatus.Role.PRIMARY,
                s.inRecovery() ? upstreamOf(s) : Optional.empty(), s.timeline(), s.version(), "");
    }
}
