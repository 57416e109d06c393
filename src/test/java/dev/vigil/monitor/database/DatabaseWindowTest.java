package dev.vigil.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseWindowTest {
    private static final Instant T0 = Instant.parse("2026-12-07T06:00:00Z");
    private static final Optional<Instant> RESET = Optional.of(T0.minusSeconds(3600));
    private static final Duration SPAN = DatabaseWindow.DEFAULT_SPAN;

    /** A read at {@code millis} after T0 with these counters, by monitoring backend {@code pid} at its transaction {@code lxid}. */
    private static DatabaseCounters read(long millis, long commits, int pid, long lxid, Optional<Instant> reset) {
        return new DatabaseCounters(T0.plusMillis(millis), commits, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, reset, 3, 100,
                pid, lxid);
    }

    private static DatabaseCounters read(long millis, long commits) {
        return read(millis, commits, 42, 1000 + millis / 1000, RESET);
    }

    @Test
    void noRateUntilTheReadsSpanTheWholeWindowSoTheFirstPointNeverSpikes() {
        DatabaseWindow w = DatabaseWindow.empty(SPAN).with(read(0, 1000));
        assertThat(w.rates()).isEmpty();
        // A backend flushed a second's worth just before the second read: a 1 s delta would say 1,000 tx/s.
        w = w.with(read(1000, 2000));
        assertThat(w.rates()).isEmpty();
        for (int s = 2; s <= 4; s++) {
            w = w.with(read(s * 1000L, 2000 + (s - 1) * 400L));
            assertThat(w.rates()).as("after %d s", s).isEmpty();
        }
        w = w.with(read(5000, 3600));
        DatabaseRates r = w.rates().orElseThrow();
        assertThat(r.interval()).isEqualTo(SPAN);
        assertThat(r.windowLabel()).isEqualTo("5 s avg");
    }

    @Test
    void theWindowSlidesAndKeepsOnlyTheReadsItNeeds() {
        DatabaseWindow w = DatabaseWindow.empty(SPAN);
        for (int s = 0; s <= 20; s++) {
            w = w.with(read(s * 1000L + (s % 3) * 7, 400L * s));
        }
        assertThat(w.reads()).hasSizeLessThanOrEqualTo(7);
        DatabaseRates r = w.rates().orElseThrow();
        assertThat(r.interval().toMillis()).isBetween(4750L, 6000L);
        assertThat(r.transactionsPerSecond()).isCloseTo(400, within(5.0));
    }

    /**
     * The server's flushes, simulated: 400 tx/s done, but each read sees the counters as flushed up to 0.4 s
     * earlier. One-second deltas swing far; the window's rates stay within 10 %.
     */
    @Test
    void flushJitterMovesOneSecondDeltasByAThirdButTheWindowByLessThanTenPerCent() {
        double[] lag = {0.0, 0.4, 0.05, 0.35, 0.1, 0.0, 0.4, 0.2, 0.0, 0.3, 0.4, 0.0, 0.25, 0.4, 0.0};
        DatabaseWindow w = DatabaseWindow.empty(SPAN);
        DatabaseCounters previous = null;
        double worstOneSecond = 0;
        for (int s = 0; s < lag.length; s++) {
            DatabaseCounters now = read(s * 1000L, Math.round(400 * (s + 10 - lag[s])));
            if (previous != null) {
                double oneSecond = DatabaseRates.between(previous, now).orElseThrow().transactionsPerSecond();
                worstOneSecond = Math.max(worstOneSecond, Math.abs(oneSecond - 400) / 400);
            }
            previous = now;
            w = w.with(now);
            w.rates().ifPresent(r -> assertThat(r.transactionsPerSecond()).isBetween(360.0, 440.0));
        }
        assertThat(worstOneSecond).isGreaterThan(0.35);
        assertThat(w.rates()).isPresent();
    }

    @Test
    void vigilsOwnTransactionsAreTakenOutSoAnIdleStandbyShowsNone() {
        DatabaseWindow w = DatabaseWindow.empty(SPAN);
        // An idle standby: its only transactions are the monitor's, 7 per tick, as the server counts them.
        for (int s = 0; s <= 6; s++) {
            w = w.with(read(s * 1000L, 500 + 7L * s, 42, 90 + 7L * s, RESET));
        }
        assertThat(w.rates().orElseThrow().transactionsPerSecond()).isCloseTo(0, within(1e-9));
        assertThat(w.rates().orElseThrow().ownTransactionsPerSecond()).isCloseTo(7, within(1e-9));
        assertThat(w.rates(true).orElseThrow().transactionsPerSecond()).isCloseTo(7, within(1e-9));
        assertThat(w.rates(true).orElseThrow().ownTransactionsPerSecond()).isZero();
    }

    @Test
    void ownTransactionsAreNeverTakenBelowZeroWhenTheServerHasNotFlushedThemYet() {
        DatabaseRates r = DatabaseRates.between(read(0, 100, 42, 10, RESET), read(5000, 103, 42, 20, RESET))
                .orElseThrow();
        assertThat(r.transactionsPerSecond()).isZero();
    }

    @Test
    void aResetOrAReconnectStartsTheWindowAgainAndGivesNoRateUntilItIsFull() {
        DatabaseWindow w = DatabaseWindow.empty(SPAN);
        for (int s = 0; s <= 6; s++) {
            w = w.with(read(s * 1000L, 400L * s));
        }
        assertThat(w.rates()).isPresent();
        DatabaseWindow reset = w.with(read(7000, 10, 42, 1007, Optional.of(T0.plusSeconds(7))));
        assertThat(reset.reads()).hasSize(1);
        assertThat(reset.rates()).isEmpty();
        // Another monitoring backend: its transaction numbers say nothing about the old one's.
        DatabaseWindow reconnected = w.with(read(7000, 2800, 77, 5, RESET));
        assertThat(reconnected.reads()).hasSize(1);
        assertThat(reconnected.rates()).isEmpty();
    }

    @Test
    void theSameReadTwiceChangesNothingAndALongIntervalGivesItsOwnWindow() {
        DatabaseCounters a = read(0, 0);
        DatabaseWindow w = DatabaseWindow.empty(SPAN).with(a);
        assertThat(w.with(a)).isSameAs(w);
        DatabaseWindow slow = w.with(read(10_000, 4000));
        assertThat(slow.rates().orElseThrow().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(slow.rates().orElseThrow().windowLabel()).isEqualTo("10 s avg");
    }

    @Test
    void anUnknownOwnCountSubtractsNothing() {
        DatabaseCounters before = new DatabaseCounters(T0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, RESET, 1, 100);
        DatabaseCounters after = new DatabaseCounters(T0.plusSeconds(5), 150, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, RESET, 1,
                100);
        assertThat(DatabaseRates.between(before, after).orElseThrow().transactionsPerSecond()).isCloseTo(10, within(1e-9));
    }
}
