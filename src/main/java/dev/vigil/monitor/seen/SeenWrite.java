package dev.vigil.monitor.seen;

import dev.vigil.sql.Lsn;
import java.time.Instant;
import java.util.Optional;

/**
 * The newest WAL position a monitor saw a primary write: where its WAL ended ({@code pg_current_wal_lsn()}), on
 * which timeline, when, and which process saw it. Once the primary is gone, this is all anyone knows of what it
 * wrote last: a failover compares it with what the standbys received.
 *
 * @param timeline      0 when the monitor did not read it
 * @param serverStarted the primary's {@code pg_postmaster_start_time()}, which tells a re-created cluster of the
 *                      same name (whose WAL starts again low) from a stale sighting
 */
public record SeenWrite(String cluster, String node, Lsn lsn, int timeline, Instant at, String seenBy,
                        Optional<Instant> serverStarted) {

    /**
     * Whether this sighting replaces {@code stored} for the same cluster and node: it is further on (a later
     * timeline, or the same timeline and a higher LSN). A primary's WAL never goes back, so a lower position seen
     * later comes from another server of that name (re-created or restored), started after the stored one; it
     * replaces it too. Otherwise the stored, newer position stays, whichever monitor wrote it.
     */
    public boolean supersedes(SeenWrite stored) {
        int byTimeline = Integer.compare(timeline, stored.timeline);
        if (byTimeline != 0 && timeline != 0 && stored.timeline != 0) {
            return byTimeline > 0 || anotherServer(stored);
        }
        int byLsn = lsn.compareTo(stored.lsn);
        return byLsn > 0 || (byLsn < 0 && anotherServer(stored));
    }

    private boolean anotherServer(SeenWrite stored) {
        return at.isAfter(stored.at) && serverStarted.isPresent() && stored.serverStarted.isPresent()
                && serverStarted.get().isAfter(stored.serverStarted.get());
    }
}
