package dev.vigil.ops;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.UpstreamNames;
import dev.vigil.ops.workflow.StepFailures;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.ops.workflow.WorkflowContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the topology a workflow starts from, through the monitoring login: reading needs no privilege. */
public final class TopologyReader {
    private static final ActionConnections.Limits LIMITS = ActionConnections.Limits.within(Duration.ofSeconds(3));

    private TopologyReader() {}

    /** The given nodes of {@code cluster}, each reachable with its role or unreachable with the reason. */
    public static Topology read(ClusterDefinition cluster, List<NodeEndpoint> nodes, Optional<String> focus,
                                WorkflowContext context) {
        List<TopologyNode> read = new ArrayList<>();
        for (NodeEndpoint node : nodes) {
            read.add(readNode(cluster, node, context));
        }
        return new Topology(cluster.name(), read, focus, Instant.now());
    }

    private static TopologyNode readNode(ClusterDefinition cluster, NodeEndpoint node, WorkflowContext context) {
        try (Connection c = ActionConnections.reader(node, LIMITS); Statement st = c.createStatement()) {
            context.abortOnTimeout(() -> c.abort(Runnable::run));
            try (ResultSet rs = st.executeQuery(OpsSql.TOPOLOGY.sql(0))) {
                rs.next();
                boolean standby = rs.getBoolean("in_recovery");
                Optional<String> upstream = Optional.ofNullable(rs.getString("upstream_host"))
                        .map(host -> upstreamName(cluster, host, rs));
                return new TopologyNode(node.name(), node.address(),
                        standby ? NodeStatus.Role.STANDBY : NodeStatus.Role.PRIMARY, upstream,
                        Optional.ofNullable((Integer) rs.getObject("timeline")), rs.getString("version"), "");
            }
        } catch (SQLException | RuntimeException e) {
            return TopologyNode.unreachable(node.name(), node.address(), StepFailures.describe(e));
        }
    }

    private static String upstreamName(ClusterDefinition cluster, String host, ResultSet rs) {
        try {
            int port = rs.getInt("upstream_port");
            return UpstreamNames.nodeAt(UpstreamNames.of(cluster), host, port).orElse(host + ":" + port);
        } catch (SQLException e) {
            return host;
        }
    }
}
