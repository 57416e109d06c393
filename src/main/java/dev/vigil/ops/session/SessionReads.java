package dev.vigil.ops.session;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.workflow.WorkflowContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The two reads session actions make: what the targets are doing (monitoring login), and what the operator may do. */
final class SessionReads {
    static final ActionConnections.Limits LIMITS = ActionConnections.Limits.within(Duration.ofSeconds(3));

    private SessionReads() {}

    /** What the operator role is, and for each target that still exists, what it may do to it. */
    record Privileges(String operator, boolean superuser, boolean signalBackend, Map<Integer, Target> targets) {}

    /** @param backendStart empty when the operator may not see it */
    record Target(int pid, Optional<Instant> backendStart, String user, boolean superuser, boolean operatorHasRole) {}

    static Map<Integer, SeenSession> sessions(Connection c, List<Integer> pids) throws SQLException {
        Map<Integer, SeenSession> seen = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(SessionSql.SESSIONS.sql())) {
            st.setArray(1, pidArray(c, pids));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    SeenSession s = SeenSession.read(rs);
                    seen.put(s.pid(), s);
                }
            }
        }
        return seen;
    }

    static Map<Integer, SeenSession> sessions(NodeEndpoint node, List<Integer> pids, WorkflowContext context)
            throws SQLException {
        try (Connection c = ActionConnections.reader(node, LIMITS)) {
            context.abortOnTimeout(() -> c.abort(Runnable::run));
            return sessions(c, pids);
        }
    }

    static Privileges privileges(ClusterDefinition cluster, NodeEndpoint node, List<Integer> pids,
                                 WorkflowContext context) throws SQLException, MissingOperatorLogin {
        try (Connection c = ActionConnections.operator(cluster, node, LIMITS);
             PreparedStatement st = c.prepareStatement(SessionSql.SIGNAL_PRIVILEGES.sql())) {
            context.abortOnTimeout(() -> c.abort(Runnable::run));
            st.setArray(1, pidArray(c, pids));
            String operator = "";
            boolean superuser = false;
            boolean signalBackend = false;
            Map<Integer, Target> targets = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    operator = rs.getString("operator");
                    superuser = rs.getBoolean("operator_superuser");
                    signalBackend = rs.getBoolean("operator_signal_backend");
                    Integer pid = (Integer) rs.getObject("pid");
                    if (pid != null) {
                        targets.put(pid, new Target(pid, SeenSession.instant(rs, "backend_start"),
                                SeenSession.text(rs, "usename"), rs.getBoolean("target_superuser"),
                                rs.getBoolean("operator_has_target_role")));
                    }
                }
            }
            return new Privileges(operator, superuser, signalBackend, targets);
        }
    }

    private static Array pidArray(Connection c, List<Integer> pids) throws SQLException {
        return c.createArrayOf("int4", pids.toArray(Integer[]::new));
    }
}
