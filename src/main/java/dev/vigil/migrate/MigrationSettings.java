package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryTable;
import java.time.Duration;
import java.util.Optional;

/**
 * How Vigil reads and changes one project's migrations on a cluster.
 *
 * @param history        where Flyway's history table is
 * @param searchPath     set for every script Vigil runs, as Flyway sets it to its {@code defaultSchema}; empty
 *                       leaves the operator login's own, as Flyway does when no schema is configured
 * @param guards         the lock and statement limits, retries and the blocked-session watch
 * @param undoMarker     how an undo is written into the history
 * @param dryRunTimeout  the statement_timeout of the dry run's statements, which hold their locks until the
 *                       rollback at its end
 * @param countLimit     row counts of destructive statements stop here ("at least …")
 */
public record MigrationSettings(HistoryTable history, Optional<String> searchPath, Guards guards, UndoMarker undoMarker,
                                Duration dryRunTimeout, long countLimit) {

    public static MigrationSettings defaults() {
        return new MigrationSettings(HistoryTable.defaults(), Optional.empty(), Guards.defaults(), UndoMarker.AUTO,
                Duration.ofSeconds(10), 1_000_000);
    }

    /** Flyway configured with {@code defaultSchema = schema}: the history lives there and scripts run there. */
    public MigrationSettings withFlywaySchema(String schema) {
        return new MigrationSettings(HistoryTable.inSchema(schema), Optional.of(schema), guards, undoMarker,
                dryRunTimeout, countLimit);
    }

    public MigrationSettings withGuards(Guards newGuards) {
        return new MigrationSettings(history, searchPath, newGuards, undoMarker, dryRunTimeout, countLimit);
    }

    public MigrationSettings withUndoMarker(UndoMarker marker) {
        return new MigrationSettings(history, searchPath, guards, marker, dryRunTimeout, countLimit);
    }
}
