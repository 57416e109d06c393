package dev.vigil.monitor.database;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.MonitorSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads the {@code pg_stat_database} counters; {@link DatabaseRates#between} turns two reads into rates. */
public final class DatabaseCollector extends BatchedCollector<DatabaseCounters> {
    public DatabaseCollector() {
        super("database", 1, MonitorSql.DATABASE);
    }

    @Override
    public DatabaseCounters read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        ResultSet rs = results.get(0);
        rs.next();
        return new DatabaseCounters(rs.getTimestamp("server_now").toInstant(), rs.getLong("xact_commit"),
                rs.getLong("xact_rollback"), rs.getLong("tup_returned"), rs.getLong("tup_fetched"),
                rs.getLong("tup_inserted"), rs.getLong("tup_updated"), rs.getLong("tup_deleted"),
                rs.getLong("blks_hit"), rs.getLong("blks_read"), rs.getLong("temp_bytes"), rs.getLong("deadlocks"),
                rs.getLong("conflicts"), dev.vigil.monitor.Columns.time(rs, "stats_reset"), rs.getInt("connections"),
                rs.getInt("max_connections"), rs.getInt("own_pid"), rs.getLong("own_lxid"));
    }
}
