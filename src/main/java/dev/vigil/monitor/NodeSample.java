package dev.vigil.monitor;

import dev.vigil.cluster.NodeStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Everything known about one node after one tick: its status (reachable, role, version) and each collector's
 * latest metric. Immutable; a new one is published every tick.
 */
public record NodeSample(String cluster, String node, long tick, Instant at, NodeStatus status,
                         Map<String, Metric<?>> metrics) {
    public NodeSample {
        metrics = Map.copyOf(metrics);
    }

    @SuppressWarnings("unchecked")
    public <T> Metric<T> metric(Collector<T> collector) {
        return (Metric<T>) metrics.getOrDefault(collector.name(), new Metric.Pending<T>());
    }
}
