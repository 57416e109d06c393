package dev.vigil.monitor.replication;

import dev.vigil.sql.Lsn;
import java.util.Optional;

/**
 * A replication slot: whether anyone uses it, how much WAL it holds back, and whether that WAL is still
 * guaranteed ({@code wal_status}: reserved, extended, unreserved, lost; {@code safe_wal_size}: bytes left before
 * the slot would be lost, when max_slot_wal_keep_size is set).
 */
public record SlotState(String name, String type, boolean active, Optional<Lsn> restartLsn, Optional<Long> retainedBytes,
                        String walStatus, Optional<Long> safeWalSizeBytes) {

    /** WAL the slot needs is gone or may go: a standby using it can no longer catch up from it. */
    public boolean atRisk() {
        return "lost".equals(walStatus) || "unreserved".equals(walStatus);
    }
}
