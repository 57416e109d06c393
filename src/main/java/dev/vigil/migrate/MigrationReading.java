package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryRow;
import dev.vigil.migrate.history.MigrationStatus;
import dev.vigil.migrate.source.MigrationSet;
import java.util.List;

/**
 * Source and history as read just before planning, on the node the migrations run on.
 *
 * @param historyExists whether the history table is there at all
 * @param login         the operator role, which Flyway's {@code installed_by} will name
 */
public record MigrationReading(MigrationSet source, boolean historyExists, List<HistoryRow> history,
                               int serverVersionNum, boolean inRecovery, String login, MigrationStatus status) {
    public MigrationReading {
        history = List.copyOf(history);
    }

    /** The last installed_rank, 0 for none: a change here means someone migrated since. */
    public int lastRank() {
        return status.lastRow().map(HistoryRow::installedRank).orElse(0);
    }
}
