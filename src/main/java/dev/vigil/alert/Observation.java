package dev.vigil.alert;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.database.DatabaseRates;
import dev.vigil.monitor.database.DatabaseWindow;
import dev.vigil.monitor.health.HealthReadings;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What rules look at: the cluster's newest sample and, per node, that node's previous tick (the cluster sample
 * is republished on every node's tick, so "the previous cluster sample" often holds the same node reading).
 * Metrics of a node that is down are not offered (they are old), so a dead standby raises "node down", not a
 * stale lag.
 */
public record Observation(Map<String, NodeSample> previousTicks, ClusterSample current) {
    public Observation {
        previousTicks = Map.copyOf(previousTicks);
    }

    public ClusterStatus status() {
        return current.status();
    }

    public List<NodeSample> nodes() {
        return current.nodes();
    }

    public Optional<ActivitySnapshot> activity(NodeSample node) {
        return value(node, ActivitySnapshot.class);
    }

    public Optional<ReplicationSnapshot> replication(NodeSample node) {
        return value(node, ReplicationSnapshot.class);
    }

    public Optional<LockSnapshot> locks(NodeSample node) {
        return value(node, LockSnapshot.class);
    }

    public Optional<DatabaseCounters> database(NodeSample node) {
        return value(node, DatabaseCounters.class);
    }

    /** The node's rates over its sliding window (without Vigil's own transactions), never over one tick. */
    public Optional<DatabaseRates> databaseRates(NodeSample node) {
        return value(node, DatabaseWindow.class).flatMap(DatabaseWindow::rates);
    }

    /** The node's health readings (wraparound, checkpoints, ...), none while it is not up. */
    public HealthReadings health(NodeSample node) {
        return HealthReadings.of(node);
    }

    private static <T> Optional<T> value(NodeSample node, Class<T> type) {
        return node.status().isUp() ? node.available(type).map(Metric.Available::value) : Optional.empty();
    }
}
