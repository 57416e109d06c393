package dev.vigil.monitor.health;

import java.util.List;
import java.util.Optional;

/**
 * The sequences of the monitored database and how much of each one's range is used.
 *
 * @param monitorRole the role that read them (what a GRANT to read the unreadable ones names)
 */
public record SequenceSnapshot(String database, String monitorRole, List<Sequence> sequences) {
    public SequenceSnapshot {
        sequences = List.copyOf(sequences);
    }

    /**
     * @param lastValue empty when never used or not readable (last_value needs SELECT or USAGE on the sequence)
     * @param readable  whether the monitoring role may read last_value
     */
    public record Sequence(String schema, String name, String dataType, long min, long max, long increment,
                           boolean cycles, Optional<Long> lastValue, boolean readable) {
        /**
         * The share of the range used, in the direction it counts: 0 for a fresh sequence, 1 at its end. Empty
         * when its last value is unknown.
         */
        public Optional<Double> usedShare() {
            return lastValue.map(v -> {
                double range = (double) max - (double) min;
                double used = increment > 0 ? (double) v - (double) min : (double) max - (double) v;
                return range <= 0 ? 1.0 : Math.max(0, Math.min(1, used / range));
            });
        }

        /** Values left before the end, in steps of its increment. */
        public Optional<Long> callsLeft() {
            return lastValue.map(v -> increment > 0 ? (long) (((double) max - v) / increment)
                    : (long) (((double) v - min) / -increment));
        }
    }

    public List<Sequence> unreadable() {
        return sequences.stream().filter(s -> !s.readable()).toList();
    }
}
