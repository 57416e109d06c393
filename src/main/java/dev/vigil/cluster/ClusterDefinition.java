package dev.vigil.cluster;

import java.util.List;

/** A cluster as configured: its name and how to reach each node. Roles are discovered, not configured. */
public record ClusterDefinition(String name, List<NodeEndpoint> nodes) {
    public ClusterDefinition {
        nodes = List.copyOf(nodes);
    }
}
