package dev.vigil.monitor.database;

import java.time.Duration;
import java.util.Optional;

/**
 * What happened between two reads of the counters, per second (counts of rare events, deadlocks and conflicts,
 * as plain deltas). A pure function of the two reads: no rate is given across a statistics reset, so a reset
 * never shows as a negative rate or a spike.
 *
 * <p>Vigil's own transactions (its monitoring session's, counted exactly by the server, see
 * {@link DatabaseCounters#ownTransactionsSince}) are left out of the commit rate unless asked for:
 * {@code ownTransactionsPerSecond} says how many were taken out (0 when they are included or unknown). Tuple and
 * block rates still include Vigil's few reads: the server does not tell them apart.
 */
public record DatabaseRates(Duration interval, double commitsPerSecond, double rollbacksPerSecond,
                            double tuplesReturnedPerSecond, double tuplesFetchedPerSecond,
                            double tuplesInsertedPerSecond, double tuplesUpdatedPerSecond,
                            double tuplesDeletedPerSecond, double blocksHitPerSecond, double blocksReadPerSecond,
                            Optional<Double> cacheHitRatio, double tempBytesPerSecond, long deadlocks, long conflicts,
                            double ownTransactionsPerSecond) {

    public double transactionsPerSecond() {
        return commitsPerSecond + rollbacksPerSecond;
    }

    /** The seconds this rate averages over, rounded for a label: "5 s avg". */
    public String windowLabel() {
        double seconds = interval.toMillis() / 1000.0;
        return (seconds >= 9.5 || Math.abs(seconds - Math.rint(seconds)) < 0.05
                ? String.format(java.util.Locale.ROOT, "%.0f", seconds)
                : String.format(java.util.Locale.ROOT, "%.1f", seconds)) + " s avg";
    }

    /** The rates without Vigil's own transactions. */
    public static Optional<DatabaseRates> between(DatabaseCounters before, DatabaseCounters after) {
        return between(before, after, false);
    }

    public static Optional<DatabaseRates> between(DatabaseCounters before, DatabaseCounters after, boolean includeSelf) {
        Duration interval = Duration.between(before.at(), after.at());
        if (interval.isZero() || interval.isNegative() || !before.statsReset().equals(after.statsReset())) {
            return Optional.empty();
        }
        long[] deltas = {
            after.commits() - before.commits(), after.rollbacks() - before.rollbacks(),
            after.tuplesReturned() - before.tuplesReturned(), after.tuplesFetched() - before.tuplesFetched(),
            after.tuplesInserted() - before.tuplesInserted(), after.tuplesUpdated() - before.tuplesUpdated(),
            after.tuplesDeleted() - before.tuplesDeleted(), after.blocksHit() - before.blocksHit(),
            after.blocksRead() - before.blocksRead(), after.tempBytes() - before.tempBytes(),
            after.deadlocks() - before.deadlocks(), after.conflicts() - before.conflicts()
        };
        for (long delta : deltas) {
            if (delta < 0) {
                return Optional.empty(); // a counter went back: a reset, or a database dropped in between
            }
        }
        long own = includeSelf ? 0 : after.ownTransactionsSince(before).orElse(0L);
        // Vigil's reads commit; one that failed rolled back. Take them from commits first, never below zero:
        // the server flushes its counters up to a second late, so at the edges of a window it may not count
        // all of them yet.
        long ownFromCommits = Math.min(own, deltas[0]);
        long ownFromRollbacks = Math.min(own - ownFromCommits, deltas[1]);
        double seconds = interval.toNanos() / 1e9;
        long hit = deltas[7];
        long read = deltas[8];
        Optional<Double> hitRatio = hit + read == 0 ? Optional.empty() : Optional.of((double) hit / (hit + read));
        return Optional.of(new DatabaseRates(interval, (deltas[0] - ownFromCommits) / seconds,
                (deltas[1] - ownFromRollbacks) / seconds, deltas[2] / seconds, deltas[3] / seconds,
                deltas[4] / seconds, deltas[5] / seconds, deltas[6] / seconds, hit / seconds, read / seconds,
                hitRatio, deltas[9] / seconds, deltas[10], deltas[11], (ownFromCommits + ownFromRollbacks) / seconds));
    }
}
