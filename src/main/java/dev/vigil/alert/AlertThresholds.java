package dev.vigil.alert;

import java.time.Duration;

/**
 * Where the default rules draw the line. The defaults suit an OLTP cluster: they catch what needs a DBA within
 * seconds and stay quiet through ordinary bursts.
 */
public record AlertThresholds(long replicationLagBytes, double replicationLagSeconds, long slotRetainedBytes,
                              int blockedSessions, Duration blockedWait, Duration longTransaction,
                              Duration idleInTransaction, double connectionUse, double rollbacksPerSecond,
                              double rollbackShare, double cacheHitRatio, double cacheReadsPerSecond) {

    public static AlertThresholds defaults() {
        return new AlertThresholds(64L << 20, 30, 5L << 30, 5, Duration.ofMillis(500), Duration.ofMinutes(5),
                Duration.ofSeconds(60), 0.9, 5, 0.2, 0.9, 100);
    }

    public AlertThresholds withReplicationLag(long bytes, double seconds) {
        return new AlertThresholds(bytes, seconds, slotRetainedBytes, blockedSessions, blockedWait, longTransaction,
                idleInTransaction, connectionUse, rollbacksPerSecond, rollbackShare, cacheHitRatio, cacheReadsPerSecond);
    }
}
