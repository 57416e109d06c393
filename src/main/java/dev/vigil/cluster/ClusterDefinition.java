package dev.vigil.cluster;

import java.time.Duration;
import java.util.List;

/**
 * A cluster as configured: its name, how to reach each node, and how often to sample it. Roles are discovered,
 * not configured.
 */
public record ClusterDefinition(String name, List<NodeEndpoint> nodes, Duration interval) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    public ClusterDefinition {
        nodes = List.copyOf(nodes);
    }

    public ClusterDefinition(String name, List<NodeEndpoint> nodes) {
        this(name, nodes, DEFAULT_INTERVAL);
    }

    /** Monitoring connection settings for this cluster's interval. */
    public MonitorConnectionSettings monitorSettings() {
        return new MonitorConnectionSettings(interval, MonitorConnectionSettings.defaults().connectTimeout());
    }
}
