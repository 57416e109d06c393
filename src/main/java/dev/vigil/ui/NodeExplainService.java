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
    /** Where EXPLAIN runs; one field, so a request never mixes an old node with a new version. */
    private record Target(ClusterDefinition cluster, NodeEndpoint node, int versionNum) {}

    private volatile Target target;

    void target(ClusterDefinition cluster, NodeEndpoint node, int versionNum) {
        this.target = new Target(cluster, node, versionNum);
    }

    @Override
    public ExplainResult explain(ExplainRequest request) throws Exception {
        Target t = target;
        if (t == null) {
            throw new IllegalStateException("No node is selected: pick a cluster or node in the tree first.");
        }
        ExplainLimits limits = ExplainLimits.DEFAULT;
        // The client gives up a little after the server's own statement_timeout would.
        ActionConnections.Limits connectionLimits = new ActionConnections.Limits(
                limits.statementTimeout().plus(Duration.ofSeconds(5)), limits.lockTimeout());
        try (Connection connection = ActionConnections.operatorSimpleProtocol(t.cluster(), t.node(), connectionLimits)) {
            return new ExplainRunner(connection, t.versionNum(), limits).explain(request);
        }
    }
}
