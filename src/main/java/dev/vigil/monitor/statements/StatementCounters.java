package dev.vigil.monitor.statements;

/** One entry's cumulative counters as read (since the entry was created or last reset). */
public record StatementCounters(long calls, double totalExecMillis, long rows, long sharedBlocksHit,
                                long sharedBlocksRead, long tempBlocks, long walBytes) {
}
