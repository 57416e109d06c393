package dev.vigil.monitor;

import dev.vigil.cluster.ClusterStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The newest sample of every node of a cluster. */
public record ClusterSample(String cluster, List<NodeSample> nodes, Instant at) {
    public ClusterSample {
        nodes = List.copyOf(nodes);
    }

    public ClusterStatus status() {
        return new ClusterStatus(cluster, nodes.stream().map(NodeSample::status).toList(), at);
    }

    public Optional<NodeSample> node(String name) {
        return nodes.stream().filter(n -> n.node().equals(name)).findFirst();
    }
}
