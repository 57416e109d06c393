package dev.vigil.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Asks one node who it is, in one round trip, over its own one-connection pool. */
final class NodeStatusProbe implements AutoCloseable {
    private final NodeEndpoint endpoint;
    private final HikariDataSource pool;

    NodeStatusProbe(String clusterName, NodeEndpoint endpoint, MonitorConnectionSettings settings) {
        this.endpoint = endpoint;
        this.pool = new HikariDataSource(settings.poolConfig(clusterName, endpoint));
    }

    NodeStatus probe() {
        long started = System.nanoTime();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(ClusterSql.NODE_STATUS.sql(0))) {
            rs.next();
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - started);
            Timestamp startedAt = rs.getTimestamp("started_at");
            return new NodeStatus(endpoint.name(), endpoint.address(), NodeStatus.Reachability.UP, "",
                    rs.getString("version"), rs.getBoolean("in_recovery"),
                    Optional.ofNullable(rs.getString("upstream")), Optional.ofNullable(rs.getString("receiver_state")),
                    Optional.ofNullable((Integer) rs.getObject("timeline")),
                    Optional.ofNullable((Long) rs.getObject("replay_backlog_bytes")),
                    Optional.ofNullable(startedAt).map(Timestamp::toInstant), Instant.now(), roundTrip);
        } catch (SQLException e) {
            return NodeStatus.down(endpoint, describe(e), Instant.now(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The first line of the error, which names the cause; pgJDBC and Hikari wrap the useful part. */
    private static String describe(SQLException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        pool.close();
    }
}
