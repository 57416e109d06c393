package dev.vigil.monitor.health;

import static dev.vigil.monitor.Columns.text;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.Columns;
import dev.vigil.monitor.MonitorSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads who holds the xmin horizon back: cheap (three small views), so every few ticks. */
public final class HorizonCollector extends BatchedCollector<HorizonSnapshot> {
    /** Every 5 ticks (5 s at the default interval): a long transaction matters in minutes, not seconds. */
    static final int EVERY_TICKS = 5;

    public HorizonCollector() {
        super("health.horizon", EVERY_TICKS, MonitorSql.HEALTH_HORIZON);
    }

    @Override
    public HorizonSnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        return new HorizonSnapshot(Columns.rows(results.get(0), rs -> new HorizonSnapshot.Holder(
                HorizonSnapshot.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                Columns.optionalInt(rs, "pid"), text(rs, "holder_user"), text(rs, "application"), text(rs, "database"),
                text(rs, "state"), rs.getLong("xmin_age"), Columns.optionalDouble(rs, "held_seconds"), text(rs, "name"),
                text(rs, "query"))));
    }
}
