package dev.vigil.monitor;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.sql.Lsn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Who the node is now, read at the start of every tick: role, version, timeline, upstream, a primary's WAL end. */
final class NodeStatusReader {
    private NodeStatusReader() {}

    static String sql() {
        return MonitorSql.NODE_STATUS.sql(0);
    }

    static NodeStatus read(Connection c, NodeEndpoint endpoint, long startedNanos) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql())) {
            return read(rs, endpoint, startedNanos);
        }
    }

    static NodeStatus read(ResultSet rs, NodeEndpoint endpoint, long startedNanos) throws SQLException {
        rs.next();
        Timestamp startedAt = rs.getTimestamp("started_at");
        return new NodeStatus(endpoint.name(), endpoint.address(), NodeStatus.Reachability.UP, "",
                rs.getString("version"), rs.getInt("version_num"), rs.getBoolean("in_recovery"),
                Optional.ofNullable(rs.getString("upstream")), Optional.ofNullable(rs.getString("receiver_state")),
                Optional.ofNullable((Integer) rs.getObject("timeline")),
                Optional.ofNullable((Long) rs.getObject("replay_backlog_bytes")),
                Optional.ofNullable(rs.getString("wal_lsn")).map(Lsn::parse),
                Optional.ofNullable(startedAt).map(Timestamp::toInstant), Instant.now(),
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** The first line of the innermost cause: pgJDBC and Hikari wrap the part that names the problem. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
