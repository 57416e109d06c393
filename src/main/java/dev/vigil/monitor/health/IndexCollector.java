package dev.vigil.monitor.health;

import static dev.vigil.monitor.Columns.text;
import static dev.vigil.monitor.Columns.time;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.Columns;
import dev.vigil.monitor.MonitorSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads unused, invalid and redundant indexes of the monitored database: catalog joins, so every five minutes. */
public final class IndexCollector extends BatchedCollector<IndexSnapshot> {
    /** Every 300 ticks (five minutes at the default interval): usage changes over days. */
    static final int EVERY_TICKS = 300;

    public IndexCollector() {
        super("health.indexes", EVERY_TICKS, MonitorSql.HEALTH_INDEXES, MonitorSql.HEALTH_REDUNDANT_INDEXES);
    }

    @Override
    public IndexSnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        ResultSet rs = results.get(0);
        String database = "";
        Optional<Instant> reset = Optional.empty();
        List<IndexSnapshot.Index> indexes = new ArrayList<>();
        while (rs.next()) {
            database = text(rs, "database");
            reset = time(rs, "stats_reset");
            if (rs.getString("index_name") != null) {
                indexes.add(new IndexSnapshot.Index(text(rs, "schema_name"), text(rs, "table_name"),
                        text(rs, "index_name"), rs.getLong("idx_scan"), rs.getLong("index_bytes"),
                        rs.getBoolean("is_unique"), rs.getBoolean("is_valid"), rs.getBoolean("backs_constraint")));
            }
        }
        List<IndexSnapshot.Redundant> redundant = Columns.rows(results.get(1), r -> new IndexSnapshot.Redundant(
                text(r, "schema_name"), text(r, "table_name"), text(r, "index_name"), text(r, "covered_by"),
                r.getLong("index_bytes"), text(r, "index_def"), text(r, "covering_def")));
        return new IndexSnapshot(database, reset, indexes, redundant);
    }
}
