package dev.vigil.monitor;

import java.time.Duration;
import java.util.Optional;

/**
 * What happened between two reads of the counters, per second (counts of rare events, deadlocks and conflicts,
 * as plain deltas). A pure function of the two reads: no rate is given across a statistics reset, so a reset
 * never shows as a negative rate or a spike.
 */
public record DatabaseRates(Duration interval, double commitsPerSecond, double rollbacksPerSecond,
                            double tuplesReturnedPerSecond, double tuplesFetchedPerSecond,
                            double tuplesInsertedPerSecond, double tuplesUpdatedPerSecond,
                            double tuplesDeletedPerSecond, double blocksHitPerSecond, double blocksReadPerSecond,
                            Optional<Double> cacheHitRatio, double tempBytesPerSecond, long deadlocks, long conflicts) {

    public double transactionsPerSecond() {
        return commitsPerSecond + rollbacksPerSecond;
    }

    public static Optional<DatabaseRates> between(DatabaseCounters before, DatabaseCounters after) {
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
        double seconds = interval.toNanos() / 1e9;
        long hit = deltas[7];
        long read = deltas[8];
        Optional<Double> hitRatio = hit + read == 0 ? Optional.empty() : Optional.of((double) hit / (hit + read));
        return Optional.of(new DatabaseRates(interval, deltas[0] / seconds, deltas[1] / seconds, deltas[2] / seconds,
                deltas[3] / seconds, deltas[4] / seconds, deltas[5] / seconds, deltas[6] / seconds,
                hit / seconds, read / seconds, hitRatio, deltas[9] / seconds, deltas[10], deltas[11]));
    }
}
