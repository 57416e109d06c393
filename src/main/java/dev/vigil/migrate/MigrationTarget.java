package dev.vigil.migrate;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.migrate.source.MigrationSource;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.workflow.WorkflowContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** One project's migrations on one node: the cluster, the node they run on, where the scripts are, the settings. */
public record MigrationTarget(ClusterDefinition cluster, NodeEndpoint node, MigrationSource source,
                              MigrationSettings settings) {

    public static MigrationTarget of(ClusterDefinition cluster, String node, MigrationSource source,
                                     MigrationSettings settings) {
        return new MigrationTarget(cluster, cluster.node(node).orElseThrow(() -> new IllegalArgumentException(
                "cluster " + cluster.name() + " has no node " + node)), source, settings);
    }

    /**
     * Source and history as they are now, for a status view or {@code vigil migrate status}: the same read a
     * workflow makes before planning, through the operator login.
     */
    public MigrationReading read() throws java.io.IOException, SQLException, MissingOperatorLogin {
        return MigrationReads.read(this, WorkflowContext.NONE);
    }

    /**
     * An operator connection whose statements may run {@code statementTimeout}; the transaction sets its own lock
     * and statement limits. Closed by the engine if the work outlives its time.
     */
    Connection operator(Duration statementTimeout, WorkflowContext context) throws SQLException, MissingOperatorLogin {
        Connection c = ActionConnections.operator(cluster, node, new ActionConnections.Limits(statementTimeout,
                settings.guards().lockTimeout()));
        context.abortOnTimeout(() -> c.abort(Runnable::run));
        return c;
    }
}
