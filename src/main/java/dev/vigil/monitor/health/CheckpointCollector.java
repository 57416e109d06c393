package dev.vigil.monitor.health;

import static dev.vigil.monitor.Columns.time;

import dev.vigil.monitor.Collector;
import dev.vigil.monitor.MonitorSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Reads the checkpointer's counters (pg_stat_bgwriter, or pg_stat_checkpointer on 17) and carries the window
 * of recent checkpoints forward from the previous reading, so it runs on its own rather than in the batch.
 */
public final class CheckpointCollector implements Collector<CheckpointReading> {
    /** Every 30 ticks (half a minute at the default interval): checkpoints come minutes apart. */
    static final int EVERY_TICKS = 30;

    @Override
    public String name() {
        return "health.checkpoints";
    }

    @Override
    public int everyTicks() {
        return EVERY_TICKS;
    }

    @Override
    public CheckpointReading collect(Connection connection, int serverVersionNum) throws SQLException {
        return collect(connection, serverVersionNum, Optional.empty());
    }

    @Override
    public CheckpointReading collect(Connection connection, int serverVersionNum, Optional<CheckpointReading> previous)
            throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(MonitorSql.HEALTH_CHECKPOINTS.sql(serverVersionNum))) {
            rs.next();
            return CheckpointReading.next(previous, new CheckpointReading.Counters(
                    rs.getTimestamp("server_now").toInstant(), rs.getLong("timed"), rs.getLong("requested"),
                    rs.getDouble("write_ms"), rs.getDouble("sync_ms"), rs.getLong("buffers_checkpointer"),
                    rs.getLong("buffers_bgwriter"), rs.getLong("buffers_backend"), time(rs, "stats_reset"),
                    rs.getLong("max_wal_size_mb"), rs.getLong("checkpoint_timeout_s")));
        }
    }
}
