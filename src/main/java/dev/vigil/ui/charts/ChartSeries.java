package dev.vigil.ui.charts;

import dev.vigil.monitor.history.ClusterHistory;
import dev.vigil.monitor.history.HistoryPoints;
import dev.vigil.monitor.history.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a node's history into what each chart plots, by series name (the names are the legend). Pure apart from
 * copying the series, so it is unit-tested without a toolkit.
 */
public final class ChartSeries {
    private ChartSeries() {}

    public static Map<String, Series.Points> transactions(ClusterHistory h, String node, long since) {
        Map<String, Series.Points> out = new LinkedHashMap<>();
        put(out, "commits", h, node, HistoryPoints.COMMITS, since);
        put(out, "rollbacks", h, node, HistoryPoints.ROLLBACKS, since);
        return out;
    }

    /** Active sessions (every wait class summed), idle in transaction, and all connections. */
    public static Map<String, Series.Points> sessions(ClusterHistory h, String node, long since) {
        Map<String, Series.Points> out = new LinkedHashMap<>();
        List<Series.Points> active = new ArrayList<>();
        for (String metric : h.metrics(node)) {
            if (metric.startsWith(HistoryPoints.ACTIVE_PREFIX)) {
                h.series(node, metric).map(x -> x.pointsSince(since)).ifPresent(active::add);
            }
        }
        if (!active.isEmpty()) {
            out.put("active", sum(active));
        }
        put(out, "idle in transaction", h, node, HistoryPoints.IDLE_IN_TRANSACTION, since);
        put(out, "connections", h, node, HistoryPoints.CONNECTIONS, since);
        return out;
    }

    public static Optional<Double> maxConnections(ClusterHistory h, String node, long since) {
        return h.series(node, HistoryPoints.MAX_CONNECTIONS).map(x -> x.pointsSince(since))
                .filter(p -> p.size() > 0).map(p -> p.values()[p.size() - 1]);
    }

    public static Map<String, Series.Points> waitProfile(ClusterHistory h, String node, long since) {
        return byPrefix(h, node, HistoryPoints.ACTIVE_PREFIX, since);
    }

    public static Map<String, Series.Points> hitRatio(ClusterHistory h, String node, long since) {
        Map<String, Series.Points> out = new LinkedHashMap<>();
        put(out, "hit ratio", h, node, HistoryPoints.HIT_RATIO, since);
        return out;
    }

    /** Replay lag of each standby of {@code node} in bytes, by standby name. */
    public static Map<String, Series.Points> replayLagBytes(ClusterHistory h, String node, long since) {
        return byPrefix(h, node, HistoryPoints.REPLAY_LAG_BYTES_PREFIX, since);
    }

    public static Map<String, Series.Points> replayLagSeconds(ClusterHistory h, String node, long since) {
        return byPrefix(h, node, HistoryPoints.REPLAY_LAG_SECONDS_PREFIX, since);
    }

    /** A standby's own view: how long its replay trails what it received (seconds). */
    public static Map<String, Series.Points> replayDelay(ClusterHistory h, String node, long since) {
        Map<String, Series.Points> out = new LinkedHashMap<>();
        put(out, node + " replay delay", h, node, HistoryPoints.REPLAY_DELAY_SECONDS, since);
        return out;
    }

    /** One standby's write, flush and replay lag in bytes, as its upstream saw them. */
    public static Map<String, Series.Points> stages(ClusterHistory h, String upstream, String standby, long since) {
        Map<String, Series.Points> out = new LinkedHashMap<>();
        put(out, "write", h, upstream, HistoryPoints.WRITE_LAG_BYTES_PREFIX + standby, since);
        put(out, "flush", h, upstream, HistoryPoints.FLUSH_LAG_BYTES_PREFIX + standby, since);
        put(out, "replay", h, upstream, HistoryPoints.REPLAY_LAG_BYTES_PREFIX + standby, since);
        return out;
    }

    public static Map<String, Series.Points> blocked(ClusterHistory h, String node, long since) {
        Map<String, Series.Points> out = new LinkedHashMap<>();
        put(out, "waiting on a lock", h, node, HistoryPoints.BLOCKED, since);
        return out;
    }

    private static Map<String, Series.Points> byPrefix(ClusterHistory h, String node, String prefix, long since) {
        Map<String, Series.Points> out = new LinkedHashMap<>();
        for (String metric : h.metrics(node)) {
            if (metric.startsWith(prefix)) {
                h.series(node, metric).ifPresent(s -> out.put(metric.substring(prefix.length()), s.pointsSince(since)));
            }
        }
        return out;
    }

    private static void put(Map<String, Series.Points> out, String name, ClusterHistory h, String node, String metric, long since) {
        h.series(node, metric).ifPresent(s -> out.put(name, s.pointsSince(since)));
    }

    /**
     * Point-wise sum by timestamp: a series that starts later adds from its first point on. On primitive arrays:
     * the wait profile sums a dozen hour-long series on every tick.
     */
    static Series.Points sum(List<Series.Points> all) {
        int total = 0;
        for (Series.Points p : all) {
            total += p.size();
        }
        long[] times = new long[total];
        int filled = 0;
        for (Series.Points p : all) {
            System.arraycopy(p.times(), 0, times, filled, p.size());
            filled += p.size();
        }
        Arrays.sort(times);
        int distinct = 0;
        for (int i = 0; i < times.length; i++) {
            if (i == 0 || times[i] != times[i - 1]) {
                times[distinct++] = times[i];
            }
        }
        long[] t = Arrays.copyOf(times, distinct);
        double[] v = new double[distinct];
        for (Series.Points p : all) {
            for (int i = 0; i < p.size(); i++) {
                v[Arrays.binarySearch(t, p.times()[i])] += p.values()[i];
            }
        }
        return new Series.Points(t, v);
    }
}
