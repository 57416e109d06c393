package dev.vigil.monitor.history;

import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.NodeTicks;
import dev.vigil.monitor.SampleFeed;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The recent past of every node of a cluster, one bounded {@link Series} per metric per node (default: one hour
 * at the sampling interval). Fed on the monitor's delivery thread; charts read copies.
 */
public final class ClusterHistory implements AutoCloseable {
    public static final Duration DEFAULT_SPAN = Duration.ofHours(1);
    private final SampleFeed feed;
    private final int capacity;
    private final NodeTicks ticks = new NodeTicks();
    private final Map<String, Map<String, Series>> byNode = new ConcurrentHashMap<>();
    private final Consumer<ClusterSample> subscriber = this::onSample;

    public ClusterHistory(SampleFeed feed, Duration span) {
        this.feed = feed;
        this.capacity = (int) Math.max(1, span.toMillis() / feed.settings().interval().toMillis());
    }

    public void start() {
        feed.subscribeSamples(subscriber);
    }

    private void onSample(ClusterSample sample) {
        for (NodeSample node : ticks.update(sample)) {
            record(ticks.previous(node.node()), node);
        }
    }

    /** Adds one tick of one node; public so tests and benchmarks can fill a history without servers. */
    public void record(Optional<NodeSample> previous, NodeSample current) {
        Map<String, Double> points = HistoryPoints.of(previous, current);
        if (points.isEmpty()) {
            return;
        }
        Map<String, Series> series = byNode.computeIfAbsent(current.node(), n -> new ConcurrentHashMap<>());
        long at = current.at().toEpochMilli();
        // A wait class nobody is in this tick is a zero, not a gap: the stacked wait profile needs every layer.
        series.keySet().stream().filter(k -> k.startsWith(HistoryPoints.ACTIVE_PREFIX) && !points.containsKey(k))
                .forEach(k -> points.put(k, 0.0));
        points.forEach((metric, value) -> series.computeIfAbsent(metric, m -> new Series(capacity)).add(at, value));
    }

    public Optional<Series> series(String node, String metric) {
        return Optional.ofNullable(byNode.getOrDefault(node, Map.of()).get(metric));
    }

    public Set<String> metrics(String node) {
        return new TreeSet<>(byNode.getOrDefault(node, Map.of()).keySet());
    }

    public int capacity() {
        return capacity;
    }

    /** Heap held by the series arrays: bounded by nodes × metrics × capacity × 16 bytes. */
    public long retainedBytes() {
        return byNode.values().stream().flatMap(m -> m.values().stream()).mapToLong(Series::retainedBytes).sum();
    }

    @Override
    public void close() {
        feed.unsubscribeSamples(subscriber);
    }
}
