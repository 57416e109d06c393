package dev.vigil.monitor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How collectors read nullable columns: one way for every collector. */
public final class Columns {
    private Columns() {}

    /** The text, or "" for SQL NULL (views show "" and never "null"). */
    public static String text(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }

    public static Optional<Instant> time(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    public static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    public static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    public static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    /** Reads one row of a result set; {@link #rows} applies it to every row. */
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> rows(ResultSet rs, RowReader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(reader.read(rs));
        }
        return List.copyOf(rows);
    }
}
