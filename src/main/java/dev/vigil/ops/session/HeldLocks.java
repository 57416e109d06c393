package dev.vigil.ops.session;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The locks one backend holds and awaits, read from {@code pg_locks} when an operator selects the session: too
 * costly to read for every backend every tick, cheap for one pid once. Reads need no privilege, so this uses
 * the monitoring login on a short-lived, read-only {@code vigil-action} connection.
 */
public final class HeldLocks {
    private HeldLocks() {}

    /** One row of {@code pg_locks}: what is locked ({@link #target()}), in which mode, and whether it is granted. */
    public record HeldLock(String lockType, String mode, boolean granted, String target) {
        public String describe() {
            return mode + " on " + target + (granted ? "" : " (waiting)");
        }
    }

    public static List<HeldLock> of(NodeEndpoint node, int pid) throws SQLException {
        try (Connection c = ActionConnections.reader(node, SessionReads.LIMITS)) {
            return of(c, pid);
        }
    }

    static List<HeldLock> of(Connection c, int pid) throws SQLException {
        List<HeldLock> locks = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(SessionSql.HELD_LOCKS.sql())) {
            st.setInt(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    locks.add(new HeldLock(rs.getString("locktype"), rs.getString("mode"), rs.getBoolean("granted"),
                            target(rs)));
                }
            }
        }
        return locks;
    }

    private static String target(ResultSet rs) throws SQLException {
        String type = rs.getString("locktype");
        Optional<String> relation = Optional.ofNullable(rs.getString("relation"));
        return switch (type) {
            case "relation" -> relation.orElse("a relation");
            case "tuple" -> "row (" + rs.getObject("page") + "," + rs.getObject("tuple") + ") of " + relation.orElse("a relation");
            case "page" -> "page " + rs.getObject("page") + " of " + relation.orElse("a relation");
            case "transactionid" -> "transaction " + rs.getString("transactionid");
            case "virtualxid" -> "virtual transaction " + rs.getString("virtualxid");
            default -> type + relation.map(r -> " on " + r).orElse("");
        };
    }
}
