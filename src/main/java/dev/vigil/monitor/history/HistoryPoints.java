package dev.vigil.monitor.history;

import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.database.DatabaseWindow;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.replication.ReceiverState;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one tick of one node adds to its history: the numbers the charts plot, by metric name. Pure: the node's
 * previous tick and its newest; rates come from the newest tick's {@link DatabaseWindow} (without Vigil's own
 * transactions). Dynamic names carry a suffix: {@code active:<wait class>},
 * {@code replay_lag_bytes:<standby>}.
 */
public final class HistoryPoints {
    public static final String TPS = "tps";
    public static final String COMMITS = "commits_per_s";
    public static final String ROLLBACKS = "rollbacks_per_s";
    public static final String HIT_RATIO = "cache_hit_ratio";
    public static final String CONNECTIONS = "connections";
    public static final String MAX_CONNECTIONS = "max_connections";
    public static final String ACTIVE_PREFIX = "active:";
    public static final String IDLE_IN_TRANSACTION = "idle_in_transaction";
    public static final String BLOCKED = "blocked_sessions";
    public static final String WRITE_LAG_BYTES_PREFIX = "write_lag_bytes:";
    public static final String FLUSH_LAG_BYTES_PREFIX = "flush_lag_bytes:";
    public static final String REPLAY_LAG_BYTES_PREFIX = "replay_lag_bytes:";
    public static final String REPLAY_LAG_SECONDS_PREFIX = "replay_lag_seconds:";
    public static final String REPLAY_DELAY_SECONDS = "replay_delay_seconds";

    private HistoryPoints() {}

    public static Map<String, Double> of(Optional<NodeSample> previous, NodeSample current) {
        Map<String, Double> points = new LinkedHashMap<>();
        if (!current.status().isUp()) {
            return points;
        }
        Optional<DatabaseCounters> now = value(current, DatabaseCounters.class);
        now.ifPresent(d -> {
            points.put(CONNECTIONS, (double) d.connections());
            points.put(MAX_CONNECTIONS, (double) d.maxConnections());
        });
        // Rates over the sliding window the tick carries (5 s), never over one tick: see DatabaseWindow.
        value(current, DatabaseWindow.class).flatMap(DatabaseWindow::rates)
                .ifPresent(r -> {
                    points.put(TPS, r.transactionsPerSecond());
                    points.put(COMMITS, r.commitsPerSecond());
                    points.put(ROLLBACKS, r.rollbacksPerSecond());
                    r.cacheHitRatio().ifPresent(h -> points.put(HIT_RATIO, h));
                });
        value(current, ActivitySnapshot.class).ifPresent(a -> {
            a.waitProfile().activeByWaitClass().forEach((wait, n) -> points.put(ACTIVE_PREFIX + wait, (double) n));
            points.put(IDLE_IN_TRANSACTION, (double) a.idleInTransaction());
        });
        value(current, LockSnapshot.class).ifPresent(l -> points.put(BLOCKED, (double) l.waitingCount()));
        value(current, ReplicationSnapshot.class).ifPresent(r -> {
            r.downstream().forEach(link -> {
                points.put(WRITE_LAG_BYTES_PREFIX + link.applicationName(), (double) link.writeLagBytes());
                points.put(FLUSH_LAG_BYTES_PREFIX + link.applicationName(), (double) link.flushLagBytes());
                points.put(REPLAY_LAG_BYTES_PREFIX + link.applicationName(), (double) link.replayLagBytes());
                link.effectiveReplayLagSeconds()
                        .ifPresent(s -> points.put(REPLAY_LAG_SECONDS_PREFIX + link.applicationName(), s));
            });
            r.receiver().flatMap(ReceiverState::replayDelaySeconds).ifPresent(s -> points.put(REPLAY_DELAY_SECONDS, s));
        });
        return points;
    }

    /** A metric only if it was read on this very tick: a collector due every k ticks adds a point every k ticks. */
    private static <T> Optional<T> value(NodeSample sample, Class<T> type) {
        return sample.available(type).filter(a -> a.at().equals(sample.at())).map(Metric.Available::value);
    }
}
