package dev.vigil.migrate.inflight;

import java.util.Optional;

/** The newest row of the migration tool's history table, when there is one. */
record HistoryState(String table, boolean present, int rows, Optional<Integer> newestRank,
                    Optional<Boolean> newestSuccess, Optional<String> newestVersion) {
    static HistoryState absent(String table) {
        return new HistoryState(table, false, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    String describe() {
        if (!present) {
            return "no " + table + " table";
        }
        return table + ": " + rows + " rows, newest " + newestVersion.map(v -> "version " + v).orElse("(no version)")
                + newestSuccess.map(s -> s ? " (success)" : " (FAILED)").orElse("");
    }
}
