package dev.vigil.monitor;

import java.time.Instant;
import java.util.Optional;

/** {@code pg_stat_database} counters summed over all databases, as read: cumulative since the last reset. */
public record DatabaseCounters(Instant at, long commits, long rollbacks, long tuplesReturned, long tuplesFetched,
                               long tuplesInserted, long tuplesUpdated, long tuplesDeleted, long blocksHit,
                               long blocksRead, long tempBytes, long deadlocks, long conflicts,
                               Optional<Instant> statsReset, int connections, int maxConnections) {

    public double connectionUse() {
        return maxConnections == 0 ? 0 : (double) connections / maxConnections;
    }
}
