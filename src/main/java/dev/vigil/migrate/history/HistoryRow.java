package dev.vigil.migrate.history;

import dev.vigil.migrate.source.MigrationVersion;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code flyway_schema_history}, as stored. {@code type} is Flyway's word: SQL, JDBC, BASELINE,
 * SCHEMA, DELETE (written by {@code flyway repair}, and by Vigil for an undo Community edition must read),
 * UNDO_SQL (Teams edition's undo).
 */
public record HistoryRow(int installedRank, Optional<String> version, String description, String type, String script,
                         Optional<Integer> checksum, String installedBy, Instant installedOn, int executionTimeMillis,
                         boolean success) {

    public static final String SQL = "SQL";
    public static final String UNDO_SQL = "UNDO_SQL";
    public static final String DELETE = "DELETE";
    public static final String BASELINE = "BASELINE";
    public static final String SCHEMA = "SCHEMA";

    public Optional<MigrationVersion> parsedVersion() {
        try {
            return version.map(MigrationVersion::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An undo in either edition's words: Teams' UNDO_SQL/UNDO_JDBC/UNDO_SCRIPT, or a DELETE marker. */
    public boolean undoes() {
        return type.startsWith("UNDO_") || type.equals(DELETE);
    }

    public boolean baseline() {
        return type.equals(BASELINE);
    }

    /** A row that applied a versioned migration (SQL, JDBC, SCRIPT…), as opposed to a marker. */
    public boolean applies() {
        return version.isPresent() && !undoes() && !baseline() && !type.equals(SCHEMA);
    }
}
