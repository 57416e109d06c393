package dev.vigil.monitor;

import dev.vigil.cluster.ConnectionFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a node that failed a tick is late or down. Down at once when the server said so or nothing listens
 * (refused, login failed, shutting down, no such host, database or certificate: retrying will not help soon).
 * Otherwise (no answer, a slow login, a read cut short) it is late until it has not answered for
 * {@code downAfter} and at least {@code downAttempts} attempts failed: on a loaded machine one slow answer is
 * not a dead node. Pure state; the sampler feeds it the clock.
 */
final class NodeHealth {
    enum Verdict { LATE, DOWN }

    private final Duration downAfter;
    private final int downAttempts;
    private Instant lastGoodAt;
    private Instant firstFailureAt;
    private int failedAttempts;

    NodeHealth(Duration downAfter, int downAttempts) {
        this.downAfter = downAfter;
        this.downAttempts = Math.max(1, downAttempts);
    }

    void answered(Instant at) {
        lastGoodAt = at;
        firstFailureAt = null;
        failedAttempts = 0;
    }

    Verdict failed(ConnectionFailure.Kind kind, int attempts, Instant at) {
        if (firstFailureAt == null) {
            firstFailureAt = at;
        }
        failedAttempts += attempts;
        if (definitive(kind)) {
            return Verdict.DOWN;
        }
        Instant silentSince = lastGoodAt != null ? lastGoodAt : firstFailureAt;
        boolean longEnough = Duration.between(silentSince, at).compareTo(downAfter) >= 0;
        return longEnough && failedAttempts >= downAttempts ? Verdict.DOWN : Verdict.LATE;
    }

    Optional<Instant> lastGoodAt() {
        return Optional.ofNullable(lastGoodAt);
    }

    /** The server answered and refused, or nothing is there to answer: down now, not after a wait. */
    static boolean definitive(ConnectionFailure.Kind kind) {
        return switch (kind) {
            case REFUSED, AUTHENTICATION, SHUTTING_DOWN, UNKNOWN_HOST, NO_DATABASE, TLS -> true;
            case TIMEOUT, TOO_MANY_CONNECTIONS, STARTING_UP, OTHER -> false;
        };
    }
}
