package dev.vigil.monitor.health;

import static dev.vigil.monitor.Columns.text;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.Columns;
import dev.vigil.monitor.MonitorSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads each database's freeze age from pg_database: one row per database, once a minute. */
public final class WraparoundCollector extends BatchedCollector<WraparoundSnapshot> {
    /** Every 60 ticks (a minute at the default interval): ages grow by transactions, slowly. */
    static final int EVERY_TICKS = 60;

    public WraparoundCollector() {
        super("health.wraparound", EVERY_TICKS, MonitorSql.HEALTH_WRAPAROUND);
    }

    @Override
    public WraparoundSnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        return new WraparoundSnapshot(Columns.rows(results.get(0), rs -> new WraparoundSnapshot.Database(
                text(rs, "database"), rs.getLong("xid_age"), rs.getLong("mxid_age"), rs.getLong("freeze_max_age"),
                rs.getLong("multixact_freeze_max_age"))));
    }
}
