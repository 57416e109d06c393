package dev.vigil.migrate.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and appends to Flyway's history table, on a connection the caller owns (and whose transaction it is). */
public final class SchemaHistory {
    private SchemaHistory() {}

    public static boolean exists(Connection c, HistoryTable table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(HistorySql.EXISTS.sql())) {
            st.setString(1, table.quoted());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Every row, oldest first; empty when the table does not exist. */
    public static List<HistoryRow> read(Connection c, HistoryTable table) throws SQLException {
        if (!exists(c, table)) {
            return List.of();
        }
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(HistorySql.ROWS.sql(table))) {
            while (rs.next()) {
                Timestamp on = rs.getTimestamp("installed_on");
                rows.add(new HistoryRow(rs.getInt("installed_rank"), Optional.ofNullable(rs.getString("version")),
                        rs.getString("description"), rs.getString("type"), rs.getString("script"),
                        Optional.ofNullable((Integer) rs.getObject("checksum")), rs.getString("installed_by"),
                        on == null ? Instant.EPOCH : on.toInstant(), rs.getInt("execution_time"), rs.getBoolean("success")));
            }
        }
        return rows;
    }

    /** Appends one row and returns its installed_rank. */
    public static int append(Connection c, HistoryTable table, HistoryEntry entry, long executionMillis) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(HistorySql.APPEND.sql(table))) {
            st.setString(1, entry.version().toString());
            st.setString(2, entry.description());
            st.setString(3, entry.type());
            st.setString(4, entry.script());
            st.setInt(5, entry.checksum());
            st.setInt(6, (int) Math.min(Integer.MAX_VALUE, executionMillis));
            st.setBoolean(7, entry.success());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Creates the table as Flyway would, so that Flyway reads it as its own. */
    public static void create(Connection c, HistoryTable table) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : HistorySql.CREATE.sql(table).split(";")) {
                st.execute(ddl.strip());
            }
        }
    }

    public static String describe(HistoryEntry e) {
        return e.type() + " row for version " + e.version() + " (" + e.script() + ", checksum " + e.checksum() + ")";
    }
}
