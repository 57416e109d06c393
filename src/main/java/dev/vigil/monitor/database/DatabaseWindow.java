package dev.vigil.monitor.database;

import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recent {@code pg_stat_database} reads of one node, enough to give rates over a sliding window of
 * {@link #span} (5 s by default). Backends flush these counters to shared memory at most once a second, each at
 * its own moment, so a one-second delta measures the flushes more than the load; over five seconds a flush early
 * or late moves the rate by a few per cent. Pure and immutable: {@link #with} returns the next window.
 *
 * <p>No rate is given until the reads span the whole window, so the first point after start (or after a reset or
 * a reconnect, which restart the window) is never a one-second spike.
 */
public record DatabaseWindow(Duration span, List<DatabaseCounters> reads) {
    public static final Duration DEFAULT_SPAN = Duration.ofSeconds(5);
    /** The metric name under which each node sample carries its window. */
    public static final String METRIC = "database-window";

    public DatabaseWindow {
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("a rate window must be positive, not " + span);
        }
        reads = List.copyOf(reads);
    }

    public static DatabaseWindow empty(Duration span) {
        return new DatabaseWindow(span, List.of());
    }

    /**
     * This window with one more read. Reads older than needed drop out: the oldest kept is the newest one at
     * least a span before the new read. A reset, counters that went back, or another monitoring session (a
     * reconnect: Vigil's own transactions are then uncounted) start the window again from this read.
     */
    public DatabaseWindow with(DatabaseCounters read) {
        if (!reads.isEmpty()) {
            DatabaseCounters last = reads.get(reads.size() - 1);
            if (!read.at().isAfter(last.at())) {
                return this; // the same read again (a collector not due this tick), or a clock step back
            }
            if (DatabaseRates.between(last, read, true).isEmpty() || last.ownBackend() != read.ownBackend()) {
                return new DatabaseWindow(span, List.of(read));
            }
        }
        List<DatabaseCounters> next = new ArrayList<>(reads);
        next.add(read);
        int firstKept = 0;
        for (int i = 0; i < next.size() - 1; i++) {
            if (covers(next.get(i), read)) {
                firstKept = i;
            }
        }
        return new DatabaseWindow(span, next.subList(firstKept, next.size()));
    }

    /**
     * The rates over the window (without Vigil's own transactions unless {@code includeSelf}); empty until the
     * reads cover a whole span.
     */
    public Optional<DatabaseRates> rates(boolean includeSelf) {
        if (reads.size() < 2 || !covers(reads.get(0), newest().orElseThrow())) {
            return Optional.empty();
        }
        return DatabaseRates.between(reads.get(0), reads.get(reads.size() - 1), includeSelf);
    }

    public Optional<DatabaseRates> rates() {
        return rates(false);
    }

    public Optional<DatabaseCounters> newest() {
        return reads.isEmpty() ? Optional.empty() : Optional.of(reads.get(reads.size() - 1));
    }

    /** A tick comes a few milliseconds early or late: 95 % of the span counts as the span. */
    private boolean covers(DatabaseCounters older, DatabaseCounters newer) {
        return Duration.between(older.at(), newer.at()).toMillis() >= span.toMillis() * 95 / 100;
    }

    /**
     * {@code current} with its window: {@code previous}'s (the same node's last sample) extended by this tick's
     * read. A sample whose database read is not new keeps the previous window unchanged.
     */
    public static NodeSample attach(Optional<NodeSample> previous, NodeSample current, Duration span) {
        DatabaseWindow before = previous.flatMap(p -> p.value(DatabaseWindow.class))
                .filter(w -> w.span().equals(span)).orElse(empty(span));
        Optional<Metric.Available<DatabaseCounters>> read = current.available(DatabaseCounters.class);
        if (read.isEmpty()) {
            return before.reads().isEmpty() ? current : current.withMetric(METRIC, previous.orElseThrow().metrics().get(METRIC));
        }
        DatabaseWindow after = before.with(read.get().value());
        Metric<?> metric = after == before && previous.isPresent() && previous.get().metrics().containsKey(METRIC)
                ? previous.get().metrics().get(METRIC) : new Metric.Available<>(after, read.get().at());
        return current.withMetric(METRIC, metric);
    }
}
