package dev.vigil.os;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The one way Vigil waits for something another process does (a replay, a promotion, a receiver restart): look,
 * and if it is not there yet, look again every period until the limit or a cancel. The last thing seen is kept,
 * so a wait that ran out can say what it saw. Every wait looks at least once; the last look is at the limit.
 */
public final class Poll {
    /** Time as the poll sees it: the JVM's monotonic clock and sleep, or a fake in tests. */
    public interface Clock {
        long nanoTime();

        void sleep(Duration d) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            }
        };
    }

    /** One look: whether the wait is over, what was seen, and the words for it. */
    public record Look<T>(boolean done, T seen, String evidence) {
        public static <T> Look<T> done(T value) {
            return new Look<>(true, value, String.valueOf(value));
        }

        public static <T> Look<T> notYet(String evidence) {
            return new Look<>(false, null, evidence);
        }

        public static <T> Look<T> notYet(T seen, String evidence) {
            return new Look<>(false, seen, evidence);
        }
    }

    /** How a wait ended: the last look, whether it was cancelled, and how long after the start the last look was. */
    public record Outcome<T>(Look<T> last, boolean cancelled, Duration waited) {
        public boolean met() {
            return last.done();
        }

        /** The value of the look that ended the wait, if it ended because the condition held. */
        public Optional<T> value() {
            return met() ? Optional.ofNullable(last.seen()) : Optional.empty();
        }

        /** The last thing seen, met or not. */
        public Optional<T> lastSeen() {
            return Optional.ofNullable(last.seen());
        }

        public String evidence() {
            return last.evidence();
        }
    }

    @FunctionalInterface
    public interface Condition<T, X extends Exception> {
        Look<T> look() throws X;
    }

    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    @FunctionalInterface
    public interface ConnectionCondition<T> {
        Look<T> look(Connection c) throws SQLException;
    }

    private final Duration every;
    private final Duration within;
    private final BooleanSupplier cancelled;
    private final Clock clock;

    private Poll(Duration every, Duration within, BooleanSupplier cancelled, Clock clock) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a poll period must be positive: " + every);
        }
        this.every = every;
        this.within = Objects.requireNonNull(within);
        this.cancelled = Objects.requireNonNull(cancelled);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Looks every {@code period}, for at most {@code limit}, until cancelled by nothing. */
    public static Poll every(Duration period, Duration limit) {
        return new Poll(period, limit, () -> false, Clock.SYSTEM);
    }

    /** The same poll, ended early once {@code cancelled} says so (a workflow's cooperative cancel). */
    public Poll cancelledBy(BooleanSupplier cancel) {
        return new Poll(every, within, cancel, clock);
    }

    public Poll clock(Clock c) {
        return new Poll(every, within, cancelled, c);
    }

    public Duration limit() {
        return within;
    }

    /** Looks until the condition holds, the limit passes or the cancel comes; what a look throws ends the wait. */
    public <T, X extends Exception> Outcome<T> until(Condition<T, X> condition) throws X, InterruptedException {
        long start = clock.nanoTime();
        // The one deadline of every wait in Vigil; compared as a difference, so nanoTime's wrap cannot fool it.
        long deadline = start + within.toNanos();
        while (true) {
            Look<T> look = condition.look();
            long now = clock.nanoTime();
            Duration waited = Duration.ofNanos(now - start);
            if (look.done()) {
                return new Outcome<>(look, false, waited);
            }
            if (cancelled.getAsBoolean()) {
                return new Outcome<>(look, true, waited);
            }
            long left = deadline - now;
            if (left <= 0) {
                return new Outcome<>(look, false, waited);
            }
            clock.sleep(Duration.ofNanos(Math.min(every.toNanos(), left)));
        }
    }

    /**
     * Waits out the limit unless the cancel comes first, looking at it every period: a pause that an operator can
     * end. The outcome says whether it was cancelled, and after how long.
     */
    public Outcome<Void> pause() throws InterruptedException {
        return until(() -> Look.<Void>notYet("pausing"));
    }

    /**
     * Looks over one connection, opened once and closed at the end. A {@link SQLException} (on opening or in a
     * look) ends the wait: use {@link #reconnecting} where a server may refuse for a moment.
     */
    public <T> Outcome<T> over(Opener opener, ConnectionCondition<T> condition)
            throws SQLException, InterruptedException {
        try (Connection c = opener.open()) {
            return until(() -> condition.look(c));
        }
    }

    /**
     * Looks over one connection that is opened again after a {@link SQLException} (a server starting, or
     * restarting its receiver, refuses connections for a moment): the error is the evidence of that look, and the
     * next look, a period later, opens a new connection.
     */
    public <T> Outcome<T> reconnecting(Opener opener, ConnectionCondition<T> condition) throws InterruptedException {
        Connection[] held = new Connection[1];
        try {
            return until(() -> {
                try {
                    if (held[0] == null) {
                        held[0] = opener.open();
                    }
                    return condition.look(held[0]);
                } catch (SQLException e) {
                    closeQuietly(held[0]);
                    held[0] = null;
                    return Look.notYet("not reachable: " + e.getMessage());
                }
            });
        } finally {
            closeQuietly(held[0]);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // The connection was broken already: there is nothing left to release.
        }
    }
}
