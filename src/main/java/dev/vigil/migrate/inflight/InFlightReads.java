package dev.vigil.migrate.inflight;

import dev.vigil.sql.Identifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the suspected migration, the tables it locks and the history table, each on a given connection. */
final class InFlightReads {
    private InFlightReads() {}

    static TargetState target(Connection c, int pid) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(InFlightSql.TARGET_STATE.sql())) {
            st.setInt(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return TargetState.gone(pid);
                }
                return new TargetState(pid, Optional.ofNullable(rs.getObject("backend_start", OffsetDateTime.class)),
                        nz(rs.getString("state")), nz(rs.getString("usename")), nz(rs.getString("application_name")),
                        nz(rs.getString("query")), texts(rs.getArray("strong_locks")), rs.getInt("blocked_directly"),
                        rs.getInt("waiting_total"));
            }
        }
    }

    static Optional<RelationShape> shape(Connection c, String relation) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(InFlightSql.RELATION_SHAPE.sql())) {
            st.setString(1, relation);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new RelationShape(rs.getString("relation"), nz(rs.getString("columns")),
                        rs.getInt("indexes"), rs.getInt("constraints"))) : Optional.empty();
            }
        }
    }

    /** Shapes of the given tables; a table that no longer resolves maps to empty. */
    static Map<String, Optional<RelationShape>> shapes(Connection c, List<String> relations) throws SQLException {
        Map<String, Optional<RelationShape>> out = new java.util.LinkedHashMap<>();
        for (String r : relations) {
            out.put(r, shape(c, r));
        }
        return out;
    }

    /** Each table named {@code tableName} in the database, in any schema, with its newest row. */
    static List<HistoryState> histories(Connection c, String tableName) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(InFlightSql.HISTORY_TABLES.sql())) {
            st.setString(1, tableName);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(new String[] {rs.getString("schema_name"), rs.getString("table_name")});
                }
            }
        }
        List<HistoryState> states = new ArrayList<>();
        for (String[] t : found) {
            String quoted = Identifiers.quote(t[0]) + "." + Identifiers.quote(t[1]);
            // One unreadable table (a lock timeout, a dropped column) is reported as such, not a failed check.
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(String.format(InFlightSql.HISTORY_STATE.sql(), quoted))) {
                rs.next();
                states.add(new HistoryState(t[0] + "." + t[1], rs.getInt("rows"),
                        Optional.ofNullable((Integer) rs.getObject("newest_rank")),
                        Optional.ofNullable((Boolean) rs.getObject("newest_success")),
                        Optional.ofNullable(rs.getString("newest_version")), Optional.empty()));
            } catch (SQLException e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                states.add(HistoryState.unreadable(t[0] + "." + t[1], e.getMessage()));
            }
        }
        return List.copyOf(states);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
