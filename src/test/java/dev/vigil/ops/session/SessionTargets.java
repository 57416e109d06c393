package dev.vigil.ops.session;

import dev.vigil.lab.LabNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A lab session as a cancel or terminate is aimed at it: read straight from pg_stat_activity (not through
 * Vigil's collectors), so a test names its target the way the Sessions view would. Used by the engine's
 * behaviour tests and by the workflow dialog's.
 */
public final class SessionTargets {
    private SessionTargets() {
    }

    /** The session {@code pid} on {@code node}, or empty once it has ended. */
    public static Optional<SessionTarget> seen(LabNode node, int pid) {
        try (Connection admin = node.connect("postgres"); PreparedStatement st = admin.prepareStatement(
                "SELECT backend_start, usename, application_name, state, query_start, query "
                        + "FROM pg_catalog.pg_stat_activity WHERE pid = ?")) {
            st.setInt(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionTarget(pid, rs.getObject("backend_start", OffsetDateTime.class).toInstant(),
                        rs.getString("usename"), rs.getString("application_name"), rs.getString("state"),
                        Optional.ofNullable(rs.getObject("query_start", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        rs.getString("query")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
