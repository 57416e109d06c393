package dev.vigil.monitor.health;

import static dev.vigil.monitor.Columns.text;

import dev.vigil.monitor.Collector;
import dev.vigil.monitor.MonitorSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads database sizes and the largest tables every five minutes, carrying the growth window forward from the
 * previous reading (so alone, not in the batch).
 */
public final class SizeCollector implements Collector<SizeReading> {
    /** Every 300 ticks (five minutes at the default interval): pg_database_size walks every file. */
    static final int EVERY_TICKS = 300;

    @Override
    public String name() {
        return "health.sizes";
    }

    @Override
    public int everyTicks() {
        return EVERY_TICKS;
    }

    @Override
    public SizeReading collect(Connection connection, int serverVersionNum) throws SQLException {
        return collect(connection, serverVersionNum, Optional.empty());
    }

    @Override
    public SizeReading collect(Connection connection, int serverVersionNum, Optional<SizeReading> previous)
            throws SQLException {
        List<SizeReading.Database> databases = new ArrayList<>();
        List<SizeReading.Table> tables = new ArrayList<>();
        java.time.Instant at = null;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(MonitorSql.HEALTH_SIZES.sql(serverVersionNum))) {
            while (rs.next()) {
                at = rs.getTimestamp("server_now").toInstant();
                if (rs.getString("kind").equals("database")) {
                    databases.add(new SizeReading.Database(text(rs, "name"), rs.getLong("total_bytes")));
                } else {
                    tables.add(new SizeReading.Table(text(rs, "schema_name"), text(rs, "name"),
                            rs.getLong("total_bytes"), rs.getLong("table_bytes"), rs.getLong("index_bytes")));
                }
            }
        }
        if (at == null) {
            throw new SQLException("the sizes query returned no row, not even the monitored database", "02000");
        }
        return SizeReading.next(previous, new SizeReading.Sizes(at, databases, tables));
    }
}
