package dev.vigil.migrate.history;

import dev.vigil.migrate.source.Migration;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.MigrationVersion;
import java.util.Optional;

/**
 * One version as source and history together say it stands.
 *
 * @param applied         the history row that last applied it (also when it was undone or failed since)
 * @param migration       its scripts, when the source has a V-script for it
 * @param undo            its undo script, also when the V-script is gone from the source
 * @param checksumMatches whether the applied checksum is the V-script's now; empty when either is missing
 */
public record VersionStatus(MigrationVersion version, String description, State state, Optional<HistoryRow> applied,
                            Optional<Migration> migration, Optional<MigrationScript> undo,
                            Optional<Boolean> checksumMatches) {

    public enum State {
        /** Applied successfully and not undone. */
        APPLIED("applied"),
        /** Its last application failed (a non-transactional script stopped halfway). */
        FAILED("failed"),
        /** Applied once, undone since: pending again. */
        UNDONE("undone"),
        /** Never applied. */
        PENDING("pending"),
        /** Applied, but the source has no V-script for it. */
        MISSING("applied, script missing"),
        /** The history was baselined at this version. */
        BASELINE("baseline"),
        /** Older than the baseline: never to be applied. */
        BELOW_BASELINE("below baseline");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean hasUndo() {
        return undo.isPresent();
    }

    /** In effect on the database now: applied (also without its script), failed halfway, or the baseline. */
    public boolean inEffect() {
        return state == State.APPLIED || state == State.FAILED || state == State.MISSING || state == State.BASELINE;
    }

    /** Waiting to be applied: never applied, or undone, with a V-script to apply. */
    public boolean pending() {
        return (state == State.PENDING || state == State.UNDONE) && migration.isPresent();
    }
}
