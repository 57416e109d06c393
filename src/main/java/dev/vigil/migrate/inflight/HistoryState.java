package dev.vigil.migrate.inflight;

import java.util.Optional;

/**
 * A history table of the migration tool ({@code schema.table}) and its newest row, or why it could not be read.
 */
record HistoryState(String table, int rows, Optional<Integer> newestRank, Optional<Boolean> newestSuccess,
                    Optional<String> newestVersion, Optional<String> unreadable) {

    static HistoryState unreadable(String table, String why) {
        return new HistoryState(table, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(why));
    }

    String describe() {
        if (unreadable.isPresent()) {
            return table + ": could not be read (" + unreadable.get() + ")";
        }
        return table + ": " + rows + " rows, newest " + newestVersion.map(v -> "version " + v).orElse("(no version)")
                + newestSuccess.map(s -> s ? " (success)" : " (FAILED)").orElse("");
    }

    /** What a stopped migration may leave: no new row, or a new row marked failed. An unreadable table says nothing. */
    boolean claimsNothingNewSince(Optional<HistoryState> before) {
        if (unreadable.isPresent()) {
            return true;
        }
        boolean unchanged = before.map(b -> b.newestRank().equals(newestRank)).orElse(newestRank.isEmpty());
        return unchanged || newestSuccess.filter(s -> !s).isPresent();
    }
}
