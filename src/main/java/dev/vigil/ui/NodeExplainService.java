package dev.vigil.ui;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.explain.ExplainLimits;
import dev.vigil.ops.explain.ExplainRequest;
import dev.vigil.ops.explain.ExplainResult;
import dev.vigil.ops.explain.ExplainRunner;
import java.sql.Connection;
import java.time.Duration;

/**
 * EXPLAIN on the node the Queries view shows, as the cluster's operator role (the monitoring role may not read
 * the tables), on a fresh connection per request so nothing lingers on the server.
 */
final class NodeExplainService implements ExplainService {
    private volatile ClusterDefinition cluster;
    private volatile NodeEndpoint node;
    private volatile int versionNum;

    void target(ClusterDefinition cluster, NodeEndpoint node, int versionNum) {
        this.cluster = cluster;
        this.node = node;
        this.versionNum = versionNum;
    }

    @Override
    public ExplainResult explain(ExplainRequest request) throws Exception {
        ClusterDefinition c = cluster;
        NodeEndpoint n = node;
        if (c == null || n == null) {
            throw new IllegalStateException("No node is selected: pick a cluster or node in the tree first.");
        }
        ExplainLimits limits = ExplainLimits.DEFAULT;
        // The client gives up a little after the server's own statement_timeout would.
        ActionConnections.Limits connectionLimits = new ActionConnections.Limits(
                limits.statementTimeout().plus(Duration.ofSeconds(5)), limits.lockTimeout());
        try (Connection connection = ActionConnections.operatorSimpleProtocol(c, n, connectionLimits)) {
            return new ExplainRunner(connection, versionNum, limits).explain(request);
        }
    }
}
