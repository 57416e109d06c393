package dev.vigil.migrate.inflight;

import java.util.Optional;

/** A history table of the migration tool ({@code schema.table}) and its newest row. */
record HistoryState(String table, int rows, Optional<Integer> newestRank, Optional<Boolean> newestSuccess,
                    Optional<String> newestVersion) {

    String describe() {
        return table + ": " + rows + " rows, newest " + newestVersion.map(v -> "version " + v).orElse("(no version)")
                + newestSuccess.map(s -> s ? " (success)" : " (FAILED)").orElse("");
    }

    /** What a stopped migration may leave: no new row, or a new row marked failed. */
    boolean claimsNothingNewSince(Optional<HistoryState> before) {
        boolean unchanged = before.map(b -> b.newestRank().equals(newestRank)).orElse(newestRank.isEmpty());
        return unchanged || newestSuccess.filter(s -> !s).isPresent();
    }
}
