package dev.vigil.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A cluster as configured: its name, how to reach each node, how often to sample it, who Vigil logs in as
 * for actions (none: actions are refused with what to configure), and how Vigil stops, starts and fences its
 * servers (none: switchover and failover are refused with what to configure), and where its schema migrations
 * are (a Flyway-convention folder; none: the Migrations view asks for one). Roles are discovered, not configured.
 */
public record ClusterDefinition(String name, List<NodeEndpoint> nodes, Duration interval,
                                Optional<OperatorAccess> actions, ControlSettings control, Optional<Path> migrations,
                                NodeTimeouts timeouts) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /**
     * How long a connect and login may take, and how long a node may not answer before it is down (with at
     * least two attempts): both apart from the sampling interval ({@code connect_timeout}, {@code down_after}).
     */
    public record NodeTimeouts(Duration connectTimeout, Duration downAfter) {
        public static final NodeTimeouts DEFAULTS = new NodeTimeouts(MonitorConnectionSettings.DEFAULT_CONNECT_TIMEOUT,
                MonitorConnectionSettings.DEFAULT_DOWN_AFTER);
    }

    public ClusterDefinition {
        nodes = List.copyOf(nodes);
    }

    public ClusterDefinition(String name, List<NodeEndpoint> nodes, Duration interval,
                             Optional<OperatorAccess> actions, ControlSettings control, Optional<Path> migrations) {
        this(name, nodes, interval, actions, control, migrations, NodeTimeouts.DEFAULTS);
    }

    public ClusterDefinition(String name, List<NodeEndpoint> nodes, Duration interval,
                             Optional<OperatorAccess> actions) {
        this(name, nodes, interval, actions, ControlSettings.NONE, Optional.empty());
    }

    public ClusterDefinition(String name, List<NodeEndpoint> nodes, Duration interval) {
        this(name, nodes, interval, Optional.empty());
    }

    public ClusterDefinition(String name, List<NodeEndpoint> nodes) {
        this(name, nodes, DEFAULT_INTERVAL);
    }

    /** The same cluster with other endpoints (passwords filled in, say). */
    public ClusterDefinition withNodes(List<NodeEndpoint> newNodes) {
        return new ClusterDefinition(name, newNodes, interval, actions, control, migrations, timeouts);
    }

    public ClusterDefinition withActions(Optional<OperatorAccess> newActions) {
        return new ClusterDefinition(name, nodes, interval, newActions, control, migrations, timeouts);
    }

    public ClusterDefinition withName(String newName) {
        return new ClusterDefinition(newName, nodes, interval, actions, control, migrations, timeouts);
    }

    /** The same cluster with another way to stop, start and fence its nodes. */
    public ClusterDefinition withControl(ControlSettings newControl) {
        return new ClusterDefinition(name, nodes, interval, actions, newControl, migrations, timeouts);
    }

    /** The same cluster with its schema migrations in {@code folder} (Flyway convention), or none. */
    public ClusterDefinition withMigrations(Optional<Path> folder) {
        return new ClusterDefinition(name, nodes, interval, actions, control, folder, timeouts);
    }

    public Optional<NodeEndpoint> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    /** The same cluster with other connect and down timeouts. */
    public ClusterDefinition withTimeouts(NodeTimeouts newTimeouts) {
        return new ClusterDefinition(name, nodes, interval, actions, control, migrations, newTimeouts);
    }

    /** Monitoring connection settings for this cluster's interval and timeouts. */
    public MonitorConnectionSettings monitorSettings() {
        return new MonitorConnectionSettings(interval, timeouts.connectTimeout(), timeouts.downAfter(),
                MonitorConnectionSettings.DEFAULT_DOWN_ATTEMPTS);
    }
}
