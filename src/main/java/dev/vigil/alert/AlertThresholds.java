package dev.vigil.alert;

import dev.vigil.monitor.health.HealthThresholds;
import java.time.Duration;

/**
 * Where the default rules draw the line. The defaults suit an OLTP cluster: they catch what needs a DBA within
 * seconds and stay quiet through ordinary bursts.
 */
public record AlertThresholds(long replicationLagBytes, double replicationLagSeconds, long slotRetainedBytes,
                              int blockedSessions, Duration blockedWait, Duration longTransaction,
                              Duration idleInTransaction, double connectionUse, double rollbacksPerSecond,
                              double rollbackShare, double cacheHitRatio, double cacheReadsPerSecond,
                              double wraparoundWarning, double wraparoundCritical) {

    public static AlertThresholds defaults() {
        HealthThresholds health = HealthThresholds.defaults();
        return new AlertThresholds(64L << 20, 30, 5L << 30, 5, Duration.ofMillis(500), Duration.ofMinutes(5),
                Duration.ofSeconds(60), 0.9, 5, 0.2, 0.9, 100, health.wraparoundWarning(), health.wraparoundCritical());
    }

    /** The health checks' thresholds, with this cluster's wraparound shares. */
    public HealthThresholds health() {
        return HealthThresholds.defaults().withWraparound(wraparoundWarning, wraparoundCritical);
    }

    /** These thresholds with the inventory's {@code alerts:} overrides (names from AlertSettingNames). */
    public AlertThresholds with(java.util.Map<String, Double> o) {
        return new AlertThresholds(
                o.getOrDefault("replication_lag_bytes", (double) replicationLagBytes).longValue(),
                o.getOrDefault("replication_lag_seconds", replicationLagSeconds),
                o.getOrDefault("slot_retained_bytes", (double) slotRetainedBytes).longValue(),
                o.getOrDefault("blocked_sessions", (double) blockedSessions).intValue(),
                seconds(o, "blocked_wait_seconds", blockedWait),
                seconds(o, "long_transaction_seconds", longTransaction),
                seconds(o, "idle_in_transaction_seconds", idleInTransaction),
                o.getOrDefault("connection_use", connectionUse),
                o.getOrDefault("rollbacks_per_second", rollbacksPerSecond),
                o.getOrDefault("rollback_share", rollbackShare),
                o.getOrDefault("cache_hit_ratio", cacheHitRatio),
                o.getOrDefault("cache_reads_per_second", cacheReadsPerSecond),
                o.getOrDefault("wraparound_warning", wraparoundWarning),
                o.getOrDefault("wraparound_critical", wraparoundCritical));
    }

    private static Duration seconds(java.util.Map<String, Double> o, String key, Duration fallback) {
        return o.containsKey(key) ? Duration.ofMillis(Math.round(o.get(key) * 1000)) : fallback;
    }

    public AlertThresholds withReplicationLag(long bytes, double seconds) {
        return new AlertThresholds(bytes, seconds, slotRetainedBytes, blockedSessions, blockedWait, longTransaction,
                idleInTransaction, connectionUse, rollbacksPerSecond, rollbackShare, cacheHitRatio, cacheReadsPerSecond,
                wraparoundWarning, wraparoundCritical);
    }
}
