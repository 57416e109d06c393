package dev.vigil.migrate.history;

import dev.vigil.sql.IdentifierSlots;
import dev.vigil.sql.VersionedSql;

/**
 * The SQL of Vigil's schema-history table: {@code migrate/history/sql/<name>.sql} next to this class. The table's
 * configured name enters through the {@code {history}}, {@code {pk}} and {@code {index}} slots, filled in one pass
 * by {@link IdentifierSlots} with names quoted by {@link dev.vigil.sql.Identifiers#quote}.
 */
enum HistorySql implements VersionedSql.Query {
    EXISTS,
    ROWS,
    APPEND,
    CREATE;

    /** The SQL with the history table's quoted names in its slots. */
    String sql(HistoryTable history) {
        return IdentifierSlots.of().quoted("history", history.quoted()).quoted("pk", history.primaryKeyName())
                .quoted("index", history.successIndexName()).fill(sql());
    }
}
