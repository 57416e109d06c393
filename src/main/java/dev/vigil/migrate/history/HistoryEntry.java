package dev.vigil.migrate.history;

import dev.vigil.migrate.source.Migration;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.MigrationVersion;

/**
 * A row Vigil appends to the history, in Flyway's format; {@code installed_rank} is the next free one,
 * {@code installed_by} the login's {@code current_user}, {@code installed_on} the transaction's start.
 */
public record HistoryEntry(MigrationVersion version, String description, String type, String script, int checksum,
                           boolean success) {

    public static HistoryEntry applied(MigrationScript script) {
        return new HistoryEntry(script.version(), script.description(), HistoryRow.SQL, script.fileName(),
                script.checksum(), true);
    }

    public static HistoryEntry failed(MigrationScript script) {
        return new HistoryEntry(script.version(), script.description(), HistoryRow.SQL, script.fileName(),
                script.checksum(), false);
    }

    /**
     * The record of an undo: the undone version and its description, the U-script's name and checksum, typed
     * {@code UNDO_SQL} as Flyway Teams writes it or {@code DELETE} as Flyway Community can read it (ADR 0024).
     */
    public static HistoryEntry undone(Migration migration, MigrationScript undo, String type) {
        return new HistoryEntry(migration.version(), migration.description(), type, undo.fileName(), undo.checksum(),
                true);
    }
}
