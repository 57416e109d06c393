package dev.vigil.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseRatesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Optional<Instant> RESET = Optional.of(T0.minusSeconds(3600));

    private static DatabaseCounters counters(Instant at, long commits, long rollbacks, long hit, long read,
                                             long deadlocks, Optional<Instant> reset) {
        return new DatabaseCounters(at, commits, rollbacks, 0, 0, 0, 0, 0, hit, read, 0, deadlocks, 0, reset, 10, 100);
    }

    @Test
    void ratesArePerSecondOverTheRealInterval() {
        DatabaseRates r = DatabaseRates.between(counters(T0, 1000, 10, 900, 100, 0, RESET),
                counters(T0.plusMillis(2000), 1400, 12, 1890, 110, 1, RESET)).orElseThrow();
        assertThat(r.commitsPerSecond()).isCloseTo(200, within(1e-9));
        assertThat(r.transactionsPerSecond()).isCloseTo(201, within(1e-9));
        assertThat(r.cacheHitRatio()).hasValueSatisfying(h -> assertThat(h).isCloseTo(0.99, within(1e-9)));
        assertThat(r.deadlocks()).isEqualTo(1);
    }

    @Test
    void noRateAcrossAResetEvenIfCountersHappenToGrow() {
        assertThat(DatabaseRates.between(counters(T0, 1000, 0, 0, 0, 0, RESET),
                counters(T0.plusSeconds(1), 5000, 0, 0, 0, 0, Optional.of(T0)))).isEmpty();
    }

    @Test
    void noNegativeRateWhenACounterGoesBack() {
        assertThat(DatabaseRates.between(counters(T0, 1000, 0, 0, 0, 0, RESET),
                counters(T0.plusSeconds(1), 10, 0, 0, 0, 0, RESET))).isEmpty();
    }

    @Test
    void noRateOverAnEmptyOrBackwardInterval() {
        DatabaseCounters c = counters(T0, 1, 0, 0, 0, 0, RESET);
        assertThat(DatabaseRates.between(c, c)).isEmpty();
        assertThat(DatabaseRates.between(counters(T0.plusSeconds(1), 1, 0, 0, 0, 0, RESET), c)).isEmpty();
    }

    @Test
    void hitRatioIsUnknownWhenNoBlockWasTouched() {
        assertThat(DatabaseRates.between(counters(T0, 1, 0, 5, 5, 0, RESET),
                counters(T0.plusSeconds(1), 2, 0, 5, 5, 0, RESET)).orElseThrow().cacheHitRatio()).isEmpty();
    }
}
