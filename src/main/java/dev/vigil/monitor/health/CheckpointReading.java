package dev.vigil.monitor.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The checkpointer's counters now, and the reading a window of recent checkpoints starts from. The window is
 * at least {@link #WINDOW} long once the monitor has run that long, so "requested checkpoints dominate" speaks
 * of the last hour or so, not of everything since the statistics were reset.
 */
public record CheckpointReading(Counters now, Optional<Counters> windowStart) {
    public static final Duration WINDOW = Duration.ofHours(1);

    /**
     * Cumulative since {@code statsReset}; {@code maxWalSizeMb} and {@code checkpointTimeoutSeconds} are the
     * settings that decide when a checkpoint is requested (WAL reached max_wal_size) or timed.
     */
    public record Counters(Instant at, long timed, long requested, double writeMillis, double syncMillis,
                           long buffersCheckpointer, long buffersBgwriter, long buffersBackend,
                           Optional<Instant> statsReset, long maxWalSizeMb, long checkpointTimeoutSeconds) {}

    /** Timed and requested checkpoints counted over a stretch of time. */
    public record Tally(long timed, long requested, Duration over, boolean sinceReset) {
        public long total() {
            return timed + requested;
        }
    }

    /**
     * The next reading: the window keeps its start until it is older than {@link #WINDOW}, then starts again
     * from the previous reading. A reset of the statistics (counters going down) starts it from now.
     */
    public static CheckpointReading next(Optional<CheckpointReading> previous, Counters now) {
        if (previous.isEmpty()) {
            return new CheckpointReading(now, Optional.empty());
        }
        Counters last = previous.get().now();
        if (now.timed() < last.timed() || now.requested() < last.requested()) {
            return new CheckpointReading(now, Optional.empty());
        }
        return new CheckpointReading(now, Optional.of(WindowStart.next(previous.get().windowStart(), last, now,
                Counters::at, WINDOW)));
    }

    /** The checkpoints in the window, or since the reset while no window has been seen. */
    public Tally tally() {
        return windowStart.map(s -> new Tally(now.timed() - s.timed(), now.requested() - s.requested(),
                        Duration.between(s.at(), now.at()), false))
                .orElseGet(() -> new Tally(now.timed(), now.requested(),
                        now.statsReset().map(r -> Duration.between(r, now.at())).orElse(Duration.ZERO), true));
    }
}
