package dev.vigil.ops.control;

import dev.vigil.sql.Lsn;

/**
 * A stopped node's pg_control: whether it shut down cleanly, its state as PostgreSQL words it, and its last
 * checkpoint. After a clean shutdown that checkpoint is the last record the server wrote, so a standby that has
 * replayed past it has every commit the server ever acknowledged.
 */
public record ShutdownRecord(boolean clean, String state, Lsn checkpoint, int timeline) {
}
