package dev.vigil.cluster.inventory;

import java.util.Set;

/**
 * The alert thresholds an inventory file may override ({@code alerts:}), checked when the file is read; the
 * alert package turns them into its thresholds.
 */
public final class AlertSettingNames {
    public static final Set<String> ALL = Set.of("replication_lag_bytes", "replication_lag_seconds",
            "slot_retained_bytes", "blocked_sessions", "blocked_wait_seconds", "long_transaction_seconds",
            "idle_in_transaction_seconds", "connection_use", "rollbacks_per_second", "rollback_share",
            "cache_hit_ratio", "cache_reads_per_second", "wraparound_warning", "wraparound_critical");

    private AlertSettingNames() {}
}
