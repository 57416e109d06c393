package dev.vigil.monitor;

import dev.vigil.cluster.NodeStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Everything known about one node after one tick: its status (reachable, role, version) and each collector's
 * latest metric. Immutable; a new one is published every tick.
 */
public record NodeSample(String cluster, String node, long tick, Instant at, NodeStatus status,
                         Map<String, Metric<?>> metrics) {
    public NodeSample {
        metrics = Map.copyOf(metrics);
    }

    /** This sample with one more metric (or one replaced): how a derived value, a rate window, joins a tick. */
    public NodeSample withMetric(String name, Metric<?> metric) {
        java.util.Map<String, Metric<?>> more = new java.util.HashMap<>(metrics);
        more.put(name, metric);
        return new NodeSample(cluster, node, tick, at, status, more);
    }

    @SuppressWarnings("unchecked")
    public <T> Metric<T> metric(Collector<T> collector) {
        return (Metric<T>) metrics.getOrDefault(collector.name(), new Metric.Pending<T>());
    }

    /** The collector's value, if it is available. */
    public <T> Optional<T> value(Collector<T> collector) {
        return metric(collector) instanceof Metric.Available<T> a ? Optional.of(a.value()) : Optional.empty();
    }

    /**
     * The value only while the node is up: a down node's sample still carries its last metrics (for history),
     * but a view must not show them as live, nor offer actions on them.
     */
    public <T> Optional<T> upValue(Class<T> type) {
        return status.isUp() ? value(type) : Optional.empty();
    }

    /** The value of the available metric of this type, if any. */
    public <T> Optional<T> value(Class<T> type) {
        return available(type).map(Metric.Available::value);
    }

    /** The available metric whose value has this type (each collector's snapshot type is its own). */
    public <T> Optional<Metric.Available<T>> available(Class<T> type) {
        return metrics.values().stream()
                .filter(m -> m instanceof Metric.Available<?> a && type.isInstance(a.value()))
                .map(m -> {
                    @SuppressWarnings("unchecked")
                    Metric.Available<T> a = (Metric.Available<T>) m;
                    return a;
                })
                .findFirst();
    }
}
