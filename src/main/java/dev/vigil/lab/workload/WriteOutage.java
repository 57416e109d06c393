package dev.vigil.lab.workload;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Measures a write outage from the acknowledged-commit log: the longest silence between two acknowledgements. */
public final class WriteOutage {
    private WriteOutage() {}

    /** The gap, with the last acknowledgement before it and the first after it. */
    public record Gap(AckedCommit before, AckedCommit after) {
        public Duration duration() {
            return Duration.ofNanos(after.nanoTime() - before.nanoTime());
        }
    }

    /**
     * The longest gap between consecutive acknowledgements that overlaps the window [fromNanos, toNanos]
     * (the switchover), or empty when fewer than two acknowledgements bracket it.
     */
    public static Optional<Gap> longestGap(List<AckedCommit> acks, long fromNanos, long toNanos) {
        List<AckedCommit> sorted = acks.stream().sorted(Comparator.comparingLong(AckedCommit::nanoTime)).toList();
        Gap longest = null;
        for (int i = 1; i < sorted.size(); i++) {
            AckedCommit before = sorted.get(i - 1);
            AckedCommit after = sorted.get(i);
            boolean overlaps = after.nanoTime() >= fromNanos && before.nanoTime() <= toNanos;
            if (overlaps && (longest == null || after.nanoTime() - before.nanoTime() > longest.duration().toNanos())) {
                longest = new Gap(before, after);
            }
        }
        return Optional.ofNullable(longest);
    }
}
