package dev.vigil.migrate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the migration watch cancels Vigil's own statement: more than {@link Guards#blockedLimit()} sessions have
 * waited on it for at least {@link Guards#blockedFor()}, and a statement is running that a cancel can reach.
 * <p>
 * A cancel can miss: the statement may end on its own between the watch's look and the cancel arriving, and
 * PostgreSQL ignores a cancel for a backend that waits for its client. So the trigger counts as fired only until
 * the runner says the statement completed; then it re-arms, and the next statement of the same transaction is
 * cancelled if the sessions still wait (the locks they wait for are the transaction's, not the statement's).
 */
final class WatchTrigger {
    private final Guards guards;
    private Instant overSince;
    private boolean fired;
    private String reason = "";

    WatchTrigger(Guards guards) {
        this.guards = guards;
    }

    /**
     * One look of the watch: how many sessions wait on the migration now, and whether a statement runs.
     * Returns why to cancel, when this look fires the trigger.
     */
    Optional<String> observe(int waiting, boolean statementRunning, Instant now) {
        if (waiting <= guards.blockedLimit()) {
            overSince = null;
            return Optional.empty();
        }
        if (overSince == null) {
            overSince = now;
        }
        Duration over = Duration.between(overSince, now);
        if (fired || !statementRunning || over.compareTo(guards.blockedFor()) < 0) {
            return Optional.empty();
        }
        fired = true;
        reason = "it made " + MigrationText.plural(waiting, "session", "sessions") + " wait for "
                + MigrationText.duration(over) + " (limit: more than " + guards.blockedLimit() + " for "
                + MigrationText.duration(guards.blockedFor()) + ")";
        return Optional.of(reason);
    }

    /** The running statement ended: with {@code completed}, the cancel (if any) missed it. */
    void statementEnded(boolean completed) {
        if (completed && fired) {
            fired = false;
            reason = "";
        }
    }

    /** Starts over for a new attempt: no cancel, no waiting seen. */
    void reset() {
        fired = false;
        reason = "";
        overSince = null;
    }

    boolean fired() {
        return fired;
    }

    String reason() {
        return reason;
    }
}
