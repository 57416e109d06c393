package dev.vigil.ops.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cluster as read at the start of a workflow: the nodes it concerns, each with its role and upstream.
 *
 * @param focus the node the workflow acts on, when it acts on one
 */
public record Topology(String cluster, List<TopologyNode> nodes, Optional<String> focus, Instant readAt) {
    public Topology {
        nodes = List.copyOf(nodes);
    }

    public Optional<TopologyNode> node(String name) {
        return nodes.stream().filter(n -> n.node().equals(name)).findFirst();
    }

    /** One line for the operator: "cluster shop: pg1 (…) primary, timeline 1; pg2 (…) standby streaming from pg1". */
    public String describe() {
        java.util.Set<String> down = nodes.stream().filter(n -> !n.reachable()).map(TopologyNode::node)
                .collect(Collectors.toSet());
        return "cluster " + cluster + ": " + nodes.stream().map(n -> n.describe(down)).collect(Collectors.joining("; "));
    }
}
