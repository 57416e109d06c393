package dev.vigil.monitor.health;

import static dev.vigil.monitor.Columns.text;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.Columns;
import dev.vigil.monitor.MonitorSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads every sequence's position in its range: one function call per sequence, so every five minutes. */
public final class SequenceCollector extends BatchedCollector<SequenceSnapshot> {
    /** Every 300 ticks (five minutes at the default interval): a sequence runs out over weeks. */
    static final int EVERY_TICKS = 300;

    public SequenceCollector() {
        super("health.sequences", EVERY_TICKS, MonitorSql.HEALTH_SEQUENCES);
    }

    @Override
    public SequenceSnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        ResultSet rs = results.get(0);
        String database = "";
        String role = "";
        List<SequenceSnapshot.Sequence> sequences = new ArrayList<>();
        while (rs.next()) {
            database = text(rs, "database");
            role = text(rs, "monitor_role");
            if (rs.getString("sequence_name") != null) {
                sequences.add(new SequenceSnapshot.Sequence(text(rs, "schema_name"), text(rs, "sequence_name"),
                        text(rs, "data_type"), rs.getLong("min_value"), rs.getLong("max_value"),
                        rs.getLong("increment_by"), rs.getBoolean("cycle"), Columns.optionalLong(rs, "last_value"),
                        rs.getBoolean("readable")));
            }
        }
        return new SequenceSnapshot(database, role, sequences);
    }
}
