package dev.vigil.migrate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the migration watch cancels Vigil's own statement: more than {@link Guards#blockedLimit()} sessions have
 * waited on it for at least {@link Guards#blockedFor()}, and a statement is running that a cancel can reach.
 * <p>
 * A cancel can miss: the statement may end on its own between the watch's look and the cancel arriving. So the
 * trigger counts as fired only until the runner says the statement completed; then it re-arms, and the next
 * statement of the same transaction is cancelled if the sessions still wait (the locks they wait for are the
 * transaction's, not the statement's). A cancel that arrives late may instead stop that next statement: an error
 * "canceling statement due to user request" after a cancel was sent in this attempt is the watch's too
 * ({@link #explains}).
 */
final class WatchTrigger {
    private final Guards guards;
    private Instant overSince;
    private boolean fired;
    private boolean sent;
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
        sent = true;
        reason = "it made " + MigrationText.plural(waiting, "session", "sessions") + " wait for "
                + MigrationText.duration(over) + " (limit: more than " + guards.blockedLimit() + " for "
                + MigrationText.duration(guards.blockedFor()) + ")";
        return Optional.of(reason);
    }

    /** The running statement ended: with {@code completed}, the cancel (if any) missed it. */
    void statementEnded(boolean completed) {
        if (completed) {
            fired = false;
        }
    }

    /** Starts over for a new attempt: no cancel, no waiting seen. */
    void reset() {
        fired = false;
        sent = false;
        reason = "";
        overSince = null;
    }

    /**
     * Whether an error with this SQLSTATE and message is the watch's doing: it fired for this statement, or it sent
     * a cancel in this attempt and the error is a cancel (57014) that is not a statement timeout.
     */
    boolean explains(String sqlState, String message) {
        return fired || (sent && "57014".equals(sqlState) && (message == null || !message.contains("statement timeout")));
    }

    boolean fired() {
        return fired;
    }

    /** Why it last fired in this attempt; empty if it has not. */
    String reason() {
        return reason;
    }
}
