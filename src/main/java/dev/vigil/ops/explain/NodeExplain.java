package dev.vigil.ops.explain;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.MissingOperatorLogin;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * EXPLAIN on one node of a cluster, as the cluster's operator role (the monitoring role may not read the
 * tables), on a fresh connection per request so nothing lingers on the server. The window's Queries view and
 * {@code vigil explain} both come here.
 */
public final class NodeExplain {
    private NodeExplain() {}

    /**
     * Explains {@code request} on {@code node}.
     *
     * @param versionNum the server's {@code server_version_num} when the caller knows it (the monitor's last
     *                   sample); empty to take it from the connection
     * @throws MissingOperatorLogin when the cluster has no operator login (its message and fix say what to add)
     * @throws SQLException        when the node cannot be reached or logged into; a failing statement is not
     *                             thrown but reported in the result
     */
    public static ExplainResult explain(ClusterDefinition cluster, NodeEndpoint node, OptionalInt versionNum,
                                        ExplainRequest request, ExplainLimits limits)
            throws SQLException, MissingOperatorLogin {
        // The client gives up a little after the server's own statement_timeout would.
        ActionConnections.Limits connectionLimits = new ActionConnections.Limits(
                limits.statementTimeout().plus(Duration.ofSeconds(5)), limits.lockTimeout());
        try (Connection connection = ActionConnections.operatorSimpleProtocol(cluster, node, connectionLimits)) {
            int version = versionNum.isPresent() ? versionNum.getAsInt() : versionNum(connection.getMetaData());
            return new ExplainRunner(connection, version, limits).explain(request);
        }
    }

    /** {@code server_version_num} from the version the server reported at login: 17.6 is 170006. */
    static int versionNum(DatabaseMetaData server) throws SQLException {
        return server.getDatabaseMajorVersion() * 10_000 + server.getDatabaseMinorVersion();
    }
}
