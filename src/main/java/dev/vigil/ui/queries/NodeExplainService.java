package dev.vigil.ui.queries;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.explain.ExplainLimits;
import dev.vigil.ops.explain.ExplainRequest;
import dev.vigil.ops.explain.ExplainResult;
import dev.vigil.ops.explain.NodeExplain;
import java.util.OptionalInt;

/**
 * EXPLAIN on the node the Queries view shows. The work (connection, transaction, plan) is the core's
 * {@link NodeExplain}, shared with {@code vigil explain}; this only remembers which node is shown.
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
        return NodeExplain.explain(t.cluster(), t.node(), OptionalInt.of(t.versionNum()), request, ExplainLimits.DEFAULT);
    }
}
