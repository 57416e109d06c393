package dev.vigil.monitor.database;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code pg_stat_database} counters summed over all databases, as read: cumulative since the last reset. With
 * them, the reading session's own backend pid and the number of its latest transaction
 * ({@code ownTransactionNumber}, 0 when unknown): the difference of two numbers of the same backend is how many
 * transactions Vigil itself ran in between, which {@link DatabaseRates} subtracts.
 */
public record DatabaseCounters(Instant at, long commits, long rollbacks, long tuplesReturned, long tuplesFetched,
                               long tuplesInserted, long tuplesUpdated, long tuplesDeleted, long blocksHit,
                               long blocksRead, long tempBytes, long deadlocks, long conflicts,
                               Optional<Instant> statsReset, int connections, int maxConnections,
                               int ownBackend, long ownTransactionNumber) {

    /** Counters without the reader's own transaction count (its own transactions then cannot be subtracted). */
    public DatabaseCounters(Instant at, long commits, long rollbacks, long tuplesReturned, long tuplesFetched,
                            long tuplesInserted, long tuplesUpdated, long tuplesDeleted, long blocksHit,
                            long blocksRead, long tempBytes, long deadlocks, long conflicts,
                            Optional<Instant> statsReset, int connections, int maxConnections) {
        this(at, commits, rollbacks, tuplesReturned, tuplesFetched, tuplesInserted, tuplesUpdated, tuplesDeleted,
                blocksHit, blocksRead, tempBytes, deadlocks, conflicts, statsReset, connections, maxConnections, 0, 0);
    }

    public double connectionUse() {
        return maxConnections == 0 ? 0 : (double) connections / maxConnections;
    }

    /** How many transactions the reading session ran between {@code before} and this read, if it is the same one. */
    public Optional<Long> ownTransactionsSince(DatabaseCounters before) {
        boolean known = ownBackend != 0 && ownTransactionNumber > 0 && before.ownTransactionNumber > 0;
        long ran = ownTransactionNumber - before.ownTransactionNumber;
        return known && ownBackend == before.ownBackend && ran >= 0 ? Optional.of(ran) : Optional.empty();
    }
}
