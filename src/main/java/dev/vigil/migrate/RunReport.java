package dev.vigil.migrate;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * How one guarded script run ended.
 *
 * @param attempts       attempts of the segment that ended it (1 when nothing was retried)
 * @param lockWaited     time spent in lock timeouts and the pauses after them
 * @param partlyApplied  segments outside a transaction had committed before it stopped
 * @param historyRank    the installed_rank of the row written, when one was
 * @param log            one line per attempt and segment, for the journal
 */
public record RunReport(Result result, String detail, int attempts, Duration lockWaited, long executionMillis,
                        boolean partlyApplied, OptionalInt historyRank, List<WatchedSession> blockers, int peakBlocked,
                        List<String> log) {
    public RunReport {
        blockers = List.copyOf(blockers);
        log = List.copyOf(log);
    }

    public enum Result {
        DONE,
        /** Every attempt met a lock timeout: nothing was changed by the last one. */
        LOCK_TIMEOUT,
        /** The watch cancelled it because it made sessions wait; rolled back, not retried. */
        WATCH_CANCELLED,
        /** The server refused a statement; the transaction was rolled back. */
        FAILED,
        /** The operator cancelled the workflow between attempts. */
        CANCELLED,
        /** The connection broke during a commit: it may or may not have been committed. */
        UNKNOWN
    }

    public boolean done() {
        return result == Result.DONE;
    }
}
