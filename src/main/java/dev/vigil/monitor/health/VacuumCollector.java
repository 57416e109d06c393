package dev.vigil.monitor.health;

import static dev.vigil.monitor.Columns.text;
import static dev.vigil.monitor.Columns.time;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.Columns;
import dev.vigil.monitor.MonitorSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads dead rows per table, the vacuums running now and autovacuum's busy workers: every ten ticks. */
public final class VacuumCollector extends BatchedCollector<VacuumSnapshot> {
    /** Every 10 ticks (10 s at the default interval): often enough to follow a running vacuum's progress. */
    static final int EVERY_TICKS = 10;

    public VacuumCollector() {
        super("health.vacuum", EVERY_TICKS, MonitorSql.HEALTH_VACUUM_TABLES, MonitorSql.HEALTH_VACUUM_PROGRESS);
    }

    @Override
    public VacuumSnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        ResultSet rs = results.get(0);
        int busy = 0;
        int max = 0;
        List<VacuumSnapshot.Table> tables = new ArrayList<>();
        while (rs.next()) {
            busy = rs.getInt("busy_workers");
            max = rs.getInt("max_workers");
            if (rs.getString("table_name") != null) {
                tables.add(new VacuumSnapshot.Table(text(rs, "schema_name"), text(rs, "table_name"),
                        rs.getLong("live_rows"), rs.getLong("dead_rows"), rs.getLong("modified_since_analyze"),
                        time(rs, "last_vacuum"), time(rs, "last_autovacuum"), time(rs, "last_analyze"),
                        time(rs, "last_autoanalyze"), rs.getLong("autovacuum_count")));
            }
        }
        List<VacuumSnapshot.Running> running = Columns.rows(results.get(1), r -> new VacuumSnapshot.Running(
                r.getInt("pid"), text(r, "database"), text(r, "table_name"), text(r, "phase"),
                r.getLong("heap_blks_total"), r.getLong("heap_blks_scanned"), r.getLong("heap_blks_vacuumed"),
                r.getLong("index_vacuum_count"), r.getBoolean("is_autovacuum"), Columns.optionalDouble(r, "running_seconds")));
        return new VacuumSnapshot(busy, max, tables, running);
    }
}
