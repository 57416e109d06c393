package dev.vigil.monitor.health;

import java.time.Duration;

/**
 * When a health reading becomes a finding. The defaults are what a DBA would want flagged on a production
 * server; tests and drills pass shorter ones.
 *
 * @param horizonHeld        a session or prepared transaction holding the horizon this long is flagged
 * @param horizonXids        a holder (a slot included) this many transactions behind is flagged, however young
 * @param wraparoundWarning  share of the 2^31 limit at which a database's age warns (autovacuum should freeze
 *                           long before: autovacuum_freeze_max_age is 200 million, 9 % of it, by default)
 * @param wraparoundCritical share at which it is critical
 * @param sequenceWarning    share of a sequence's range used at which it warns
 * @param sequenceCritical   share at which it is critical
 * @param requestedMinimum   requested checkpoints in the window before "requested dominate" can be said
 * @param deadRows           a table with at least this many dead rows…
 * @param deadShare          …making up at least this share of its rows…
 * @param vacuumStale        …and not vacuumed for this long (or never) is flagged
 */
public record HealthThresholds(Duration horizonHeld, long horizonXids, double wraparoundWarning,
                               double wraparoundCritical, double sequenceWarning, double sequenceCritical,
                               int requestedMinimum, long deadRows, double deadShare, Duration vacuumStale) {
    public static HealthThresholds defaults() {
        return new HealthThresholds(Duration.ofMinutes(10), 50_000_000L, 0.25, 0.50, 0.75, 0.90, 3, 10_000, 0.20,
                Duration.ofDays(1));
    }

    public HealthThresholds withHorizonHeld(Duration held) {
        return new HealthThresholds(held, horizonXids, wraparoundWarning, wraparoundCritical, sequenceWarning,
                sequenceCritical, requestedMinimum, deadRows, deadShare, vacuumStale);
    }

    public HealthThresholds withWraparound(double warning, double critical) {
        return new HealthThresholds(horizonHeld, horizonXids, warning, critical, sequenceWarning, sequenceCritical,
                requestedMinimum, deadRows, deadShare, vacuumStale);
    }

    public HealthThresholds withDeadRows(long rows, double share, Duration stale) {
        return new HealthThresholds(horizonHeld, horizonXids, wraparoundWarning, wraparoundCritical, sequenceWarning,
                sequenceCritical, requestedMinimum, rows, share, stale);
    }
}
