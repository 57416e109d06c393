package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryRow;
import java.util.List;

/**
 * How an undo is written into the history. Flyway Teams writes {@code UNDO_SQL}; Flyway Community cannot read
 * that type at all ({@code info}, {@code validate} and {@code migrate} stop with "No enum constant …UNDO_SQL"),
 * but reads a {@code DELETE} row, the marker its own {@code repair} writes, as "this version is no longer
 * applied" and offers it as pending again (ADR 0024).
 */
public enum UndoMarker {
    /** {@code UNDO_SQL} when the history already holds a Teams undo, else {@code DELETE}. */
    AUTO,
    /** Flyway Teams' own record: only for projects whose every Flyway is Teams edition. */
    UNDO_SQL,
    /** Readable by every Flyway edition. */
    DELETE;

    public String typeFor(List<HistoryRow> history) {
        return switch (this) {
            case UNDO_SQL -> HistoryRow.UNDO_SQL;
            case DELETE -> HistoryRow.DELETE;
            case AUTO -> history.stream().anyMatch(r -> r.type().startsWith("UNDO_")) ? HistoryRow.UNDO_SQL
                    : HistoryRow.DELETE;
        };
    }
}
