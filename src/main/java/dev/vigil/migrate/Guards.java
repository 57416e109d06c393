package dev.vigil.migrate;

import java.time.Duration;

/**
 * The limits every migration statement Vigil runs is held to, so that it never queues behind live traffic for
 * long, nor lets traffic queue behind it.
 *
 * @param lockTimeout      the longest one statement waits for a lock ({@code SET LOCAL lock_timeout})
 * @param statementTimeout the longest one statement runs ({@code SET LOCAL statement_timeout})
 * @param retries          how often a lock timeout is tried again, after a pause that doubles from
 *                         {@code firstPause} up to {@code maxPause}
 * @param blockedLimit     the watch cancels Vigil's own statement when more than this many sessions wait on it…
 * @param blockedFor       …for longer than this
 * @param watchEvery       how often the watch looks
 */
public record Guards(Duration lockTimeout, Duration statementTimeout, int retries, Duration firstPause,
                     Duration maxPause, int blockedLimit, Duration blockedFor, Duration watchEvery) {

    public Guards {
        if (lockTimeout.toMillis() < 1 || statementTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("lock and statement timeouts must be at least 1 ms");
        }
        if (retries < 0 || blockedLimit < 0) {
            throw new IllegalArgumentException("retries and the blocked-session limit cannot be negative");
        }
    }

    /** 2 s lock timeout, 60 s per statement, 3 retries after 0.5, 1 and 2 s; cancel when 5 sessions wait 3 s. */
    public static Guards defaults() {
        return new Guards(Duration.ofSeconds(2), Duration.ofSeconds(60), 3, Duration.ofMillis(500),
                Duration.ofSeconds(4), 5, Duration.ofSeconds(3), Duration.ofMillis(200));
    }

    public Guards withLockTimeout(Duration d) {
        return new Guards(d, statementTimeout, retries, firstPause, maxPause, blockedLimit, blockedFor, watchEvery);
    }

    public Guards withStatementTimeout(Duration d) {
        return new Guards(lockTimeout, d, retries, firstPause, maxPause, blockedLimit, blockedFor, watchEvery);
    }

    public Guards withRetries(int n, Duration first, Duration max) {
        return new Guards(lockTimeout, statementTimeout, n, first, max, blockedLimit, blockedFor, watchEvery);
    }

    public Guards withWatch(int limit, Duration forLonger) {
        return new Guards(lockTimeout, statementTimeout, retries, firstPause, maxPause, limit, forLonger, watchEvery);
    }

    /** The pause before retry {@code n} (from 1). */
    public Duration pauseBefore(int n) {
        long millis = firstPause.toMillis() << Math.min(n - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxPause.toMillis()));
    }

    /** The longest a retried statement can take before its last attempt gives up, pauses included. */
    public Duration worstCaseLockWait() {
        Duration d = lockTimeout.multipliedBy(retries + 1L);
        for (int n = 1; n <= retries; n++) {
            d = d.plus(pauseBefore(n));
        }
        return d;
    }

    /** "lock_timeout 2 s, statement_timeout 60 s, 3 retries" */
    public String describe() {
        return "lock_timeout " + MigrationText.duration(lockTimeout) + ", statement_timeout "
                + MigrationText.duration(statementTimeout) + ", " + retries + (retries == 1 ? " retry" : " retries")
                + " on a lock timeout";
    }
}
