package dev.vigil.monitor.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementDeltasTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Optional<Instant> RESET = Optional.of(T0.minusSeconds(600));

    private static StatementKey key(long queryId, long user) {
        return new StatementKey(user, 5, queryId, true);
    }

    private static StatementCounters counters(long calls, double millis, long read) {
        return new StatementCounters(calls, millis, calls, 10 * calls, read, 0, 0);
    }

    private static StatementsSnapshot snap(Instant at, Optional<Instant> reset, Object... keyCounterPairs) {
        Map<StatementKey, StatementCounters> entries = new HashMap<>();
        for (int i = 0; i < keyCounterPairs.length; i += 2) {
            entries.put((StatementKey) keyCounterPairs[i], (StatementCounters) keyCounterPairs[i + 1]);
        }
        return new StatementsSnapshot(at, entries, Map.of(), reset, Optional.empty());
    }

    @Test
    void ratesOverTheIntervalSummedAcrossUsersOfOneQuery() {
        StatementsSnapshot a = snap(T0, RESET, key(1, 10), counters(1000, 500, 0), key(1, 11), counters(50, 50, 0));
        StatementsSnapshot b = snap(T0.plusSeconds(10), RESET, key(1, 10), counters(1100, 700, 30),
                key(1, 11), counters(150, 250, 0));
        StatementRate r = StatementDeltas.between(a, b).get(0);
        assertThat(r.calls()).isEqualTo(200);
        assertThat(r.callsPerSecond()).isCloseTo(20, within(1e-9));
        assertThat(r.totalMillisPerSecond()).isCloseTo(40, within(1e-9));
        assertThat(r.meanMillis()).hasValueSatisfying(m -> assertThat(m).isCloseTo(2.0, within(1e-9)));
        assertThat(r.sharedBlocksReadPerSecond()).isCloseTo(3, within(1e-9));
    }

    @Test
    void aNewEntryGivesNoRateUntilItHasAPast() {
        StatementsSnapshot a = snap(T0, RESET);
        StatementsSnapshot b = snap(T0.plusSeconds(10), RESET, key(2, 10), counters(1_000_000, 9e6, 0));
        assertThat(StatementDeltas.between(a, b)).isEmpty();
    }

    @Test
    void withNoEvictionBetweenReadsANewEntryCountsWhollyInItsFirstInterval() {
        StatementsSnapshot a = new StatementsSnapshot(T0, Map.of(), Map.of(), RESET, Optional.of(3L));
        StatementsSnapshot b = new StatementsSnapshot(T0.plusSeconds(10), Map.of(key(2, 10), counters(50, 20, 0)),
                Map.of(), RESET, Optional.of(3L));
        assertThat(StatementDeltas.between(a, b)).singleElement().satisfies(r -> {
            assertThat(r.calls()).isEqualTo(50);
            assertThat(r.callsPerSecond()).isCloseTo(5, within(1e-9));
        });
        StatementsSnapshot evictedMeanwhile = new StatementsSnapshot(T0.plusSeconds(10),
                Map.of(key(2, 10), counters(50, 20, 0)), Map.of(), RESET, Optional.of(4L));
        assertThat(StatementDeltas.between(a, evictedMeanwhile)).as("it may be older than the first read").isEmpty();
    }

    @Test
    void anEvictedAndRecreatedEntryGivesNoNegativeRateAndNoSpike() {
        StatementsSnapshot a = snap(T0, RESET, key(3, 10), counters(5000, 800, 0), key(4, 10), counters(10, 1, 0));
        StatementsSnapshot b = snap(T0.plusSeconds(10), RESET, key(3, 10), counters(7, 2, 0), key(4, 10),
                counters(20, 2, 0));
        List<StatementRate> rates = StatementDeltas.between(a, b);
        assertThat(rates).extracting(StatementRate::queryId).containsExactly(4L);
        assertThat(rates).allSatisfy(r -> assertThat(r.callsPerSecond()).isNotNegative());
    }

    @Test
    void aFullResetGivesNoRatesForThatInterval() {
        StatementsSnapshot a = snap(T0, RESET, key(5, 10), counters(10, 1, 0));
        StatementsSnapshot b = snap(T0.plusSeconds(10), Optional.of(T0.plusSeconds(5)), key(5, 10), counters(12, 2, 0));
        assertThat(StatementDeltas.between(a, b)).isEmpty();
    }

    @Test
    void topOrdersByTheChosenMeasure() {
        StatementsSnapshot a = snap(T0, RESET, key(6, 1), counters(0, 0, 0), key(7, 1), counters(0, 0, 0),
                key(8, 1), counters(0, 0, 0));
        StatementsSnapshot b = snap(T0.plusSeconds(1), RESET, key(6, 1), counters(100, 10, 0),
                key(7, 1), counters(1, 500, 0), key(8, 1), counters(10, 200, 900));
        List<StatementRate> rates = StatementDeltas.between(a, b);
        assertThat(StatementDeltas.top(rates, StatementDeltas.Order.CALLS, 3)).extracting(StatementRate::queryId)
                .containsExactly(6L, 8L, 7L);
        assertThat(StatementDeltas.top(rates, StatementDeltas.Order.TOTAL_TIME, 1)).extracting(StatementRate::queryId)
                .containsExactly(7L);
        assertThat(StatementDeltas.top(rates, StatementDeltas.Order.MEAN_TIME, 1)).extracting(StatementRate::queryId)
                .containsExactly(7L);
        assertThat(StatementDeltas.top(rates, StatementDeltas.Order.IO, 1)).extracting(StatementRate::queryId)
                .containsExactly(8L);
    }
}
