package dev.vigil.ops.failover;

import dev.vigil.monitor.seen.SeenWrite;
import dev.vigil.sql.Lsn;
import java.time.Instant;

/**
 * The last WAL position Vigil's monitor saw a primary write, and when: the basis of the data-loss estimate.
 *
 * @param timeline 0 when not known
 * @param seenBy   which monitor saw it ("this window", "vigil watch (pid 812)")
 */
public record LastSeen(String node, Lsn lsn, Instant at, int timeline, String seenBy) {

    public LastSeen(String node, Lsn lsn, Instant at) {
        this(node, lsn, at, 0, "this Vigil");
    }

    public static LastSeen of(SeenWrite w) {
        return new LastSeen(w.node(), w.lsn(), w.at(), w.timeline(), w.seenBy());
    }

    /**
     * Of two sightings, the one to estimate from: the node seen writing most recently is the primary that
     * failed; of two sightings of that node, the one further on.
     */
    static LastSeen newer(LastSeen a, LastSeen b) {
        if (a.node.equals(b.node)) {
            int tl = Integer.compare(a.timeline, b.timeline);
            if (tl != 0 && a.timeline != 0 && b.timeline != 0) {
                return tl > 0 ? a : b;
            }
            return b.lsn.isAfter(a.lsn) ? b : a;
        }
        return b.at.isAfter(a.at) ? b : a;
    }
}
