package dev.vigil.monitor.statements;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Per-interval rates from two pg_stat_statements snapshots, as a pure function. The rules keep rates honest:
 * <ul>
 *   <li>after a full reset (stats_reset moved) there is no rate for the interval at all;</li>
 *   <li>an entry new in the second snapshot gives no rate: when it was created within the interval is unknown;</li>
 *   <li>an entry whose counters went back was evicted and re-created (or reset alone) and gives no rate either.</li>
 * </ul>
 * So a reset or an eviction never shows as a negative rate or a spike; the next interval is counted normally.
 */
public final class StatementDeltas {
    private StatementDeltas() {}

    public enum Order {
        TOTAL_TIME(StatementRate::totalMillisPerSecond),
        MEAN_TIME(r -> r.meanMillis().orElse(0.0)),
        CALLS(StatementRate::callsPerSecond),
        IO(StatementRate::ioBlocksPerSecond);

        private final ToDoubleFunction<StatementRate> key;

        Order(ToDoubleFunction<StatementRate> key) {
            this.key = key;
        }
    }

    public static List<StatementRate> between(StatementsSnapshot before, StatementsSnapshot after) {
        Duration interval = Duration.between(before.at(), after.at());
        if (interval.isZero() || interval.isNegative() || !before.statsReset().equals(after.statsReset())) {
            return List.of();
        }
        double seconds = interval.toNanos() / 1e9;
        // 14+ counts evictions: when none happened between the reads, an entry missing from the first read was
        // created after it, so all its counters belong to this interval. Otherwise its start is unknown.
        boolean nothingEvicted = before.evicted().isPresent() && before.evicted().equals(after.evicted());
        Map<Long, StatementCounters> perQuery = new HashMap<>();
        for (Map.Entry<StatementKey, StatementCounters> e : after.entries().entrySet()) {
            StatementCounters old = before.entries().get(e.getKey());
            if (old == null && !nothingEvicted) {
                continue;
            }
            Optional<StatementCounters> delta = old == null ? Optional.of(e.getValue()) : delta(old, e.getValue());
            delta.ifPresent(d -> perQuery.merge(e.getKey().queryId(), d, StatementDeltas::sum));
        }
        return perQuery.entrySet().stream().filter(e -> e.getValue().calls() > 0)
                .map(e -> rate(e.getKey(), e.getValue(), seconds)).toList();
    }

    /** The top {@code n} by the chosen order, highest first. */
    public static List<StatementRate> top(List<StatementRate> rates, Order order, int n) {
        return rates.stream().sorted(Comparator.comparingDouble(order.key).reversed()).limit(n).toList();
    }

    private static Optional<StatementCounters> delta(StatementCounters a, StatementCounters b) {
        StatementCounters d = new StatementCounters(b.calls() - a.calls(), b.totalExecMillis() - a.totalExecMillis(),
                b.rows() - a.rows(), b.sharedBlocksHit() - a.sharedBlocksHit(),
                b.sharedBlocksRead() - a.sharedBlocksRead(), b.tempBlocks() - a.tempBlocks(),
                b.walBytes() - a.walBytes());
        boolean wentBack = d.calls() < 0 || d.totalExecMillis() < 0 || d.rows() < 0 || d.sharedBlocksHit() < 0
                || d.sharedBlocksRead() < 0 || d.tempBlocks() < 0 || d.walBytes() < 0;
        return wentBack ? Optional.empty() : Optional.of(d);
    }

    private static StatementCounters sum(StatementCounters a, StatementCounters b) {
        return new StatementCounters(a.calls() + b.calls(), a.totalExecMillis() + b.totalExecMillis(),
                a.rows() + b.rows(), a.sharedBlocksHit() + b.sharedBlocksHit(),
                a.sharedBlocksRead() + b.sharedBlocksRead(), a.tempBlocks() + b.tempBlocks(),
                a.walBytes() + b.walBytes());
    }

    private static StatementRate rate(long queryId, StatementCounters d, double seconds) {
        long blocks = d.sharedBlocksHit() + d.sharedBlocksRead();
        return new StatementRate(queryId, d.calls(), d.calls() / seconds, d.totalExecMillis() / seconds,
                d.calls() == 0 ? Optional.empty() : Optional.of(d.totalExecMillis() / d.calls()), d.rows() / seconds,
                blocks == 0 ? Optional.empty() : Optional.of((double) d.sharedBlocksHit() / blocks),
                d.sharedBlocksRead() / seconds, d.tempBlocks() / seconds, d.walBytes() / seconds);
    }
}
