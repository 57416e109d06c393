package dev.vigil.monitor.statements;

import java.util.Optional;

/**
 * What one query (all entries with its query id) did per second between two snapshots: calls, execution time,
 * rows, cache hits and reads, temp blocks and WAL. {@code meanMillis} is the mean over this interval's calls.
 */
public record StatementRate(long queryId, long calls, double callsPerSecond, double totalMillisPerSecond,
                            Optional<Double> meanMillis, double rowsPerSecond, Optional<Double> hitRatio,
                            double sharedBlocksReadPerSecond, double tempBlocksPerSecond, double walBytesPerSecond) {

    /** Blocks read from outside shared buffers plus temp blocks: the I/O a DBA sorts by. */
    public double ioBlocksPerSecond() {
        return sharedBlocksReadPerSecond + tempBlocksPerSecond;
    }
}
