package dev.vigil.ops.failover;

import dev.vigil.sql.Lsn;
import java.time.Instant;

/** The last WAL position Vigil's monitor saw a primary write, and when: the basis of the data-loss estimate. */
public record LastSeen(String node, Lsn lsn, Instant at) {
}
