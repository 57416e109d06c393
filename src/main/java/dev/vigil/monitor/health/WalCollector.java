package dev.vigil.monitor.health;


import dev.vigil.monitor.Collector;
import dev.vigil.monitor.Columns;
import dev.vigil.monitor.MonitorSql;
import dev.vigil.sql.Lsn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Reads the WAL position and pg_stat_wal every five ticks; the rate needs the previous reading, so alone. */
public final class WalCollector implements Collector<WalReading> {
    /** Every 5 ticks: a rate over five seconds, well over pg_stat_wal's one-second flush. */
    static final int EVERY_TICKS = 5;

    @Override
    public String name() {
        return "health.wal";
    }

    @Override
    public int everyTicks() {
        return EVERY_TICKS;
    }

    @Override
    public WalReading collect(Connection connection, int serverVersionNum) throws SQLException {
        return collect(connection, serverVersionNum, Optional.empty());
    }

    @Override
    public WalReading collect(Connection connection, int serverVersionNum, Optional<WalReading> previous)
            throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(MonitorSql.HEALTH_WAL.sql(serverVersionNum))) {
            rs.next();
            String position = rs.getString("position");
            return WalReading.next(previous, new WalReading.Counters(rs.getTimestamp("server_now").toInstant(),
                    rs.getBoolean("in_recovery"), position == null ? new Lsn(0) : Lsn.parse(position),
                    Columns.optionalLong(rs, "wal_records"), Columns.optionalLong(rs, "wal_fpi"),
                    Columns.optionalLong(rs, "wal_bytes")));
        }
    }
}
