package dev.vigil.monitor.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.activity.WaitProfile;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.database.DatabaseWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final NodeEndpoint PG1 = new NodeEndpoint("pg1", "127.0.0.1", 1, "d", "u", "p");

    @Test
    void aSeriesKeepsTheNewestPointsInOrder() {
        Series s = new Series(3);
        for (int i = 1; i <= 5; i++) {
            s.add(i * 1000L, i);
        }
        Series.Points p = s.points();
        assertThat(p.times()).containsExactly(3000L, 4000L, 5000L);
        assertThat(p.values()).containsExactly(3.0, 4.0, 5.0);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.retainedBytes()).isEqualTo(48);
    }

    static NodeSample sample(Instant at, long tick, long commits, Map<String, Integer> waits, boolean freshDatabase) {
        NodeStatus status = new NodeStatus("pg1", PG1.address(), NodeStatus.Reachability.UP, "", "17.6", 170006, false,
                Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(), Optional.empty(), Optional.empty(), at, Duration.ZERO);
        List<SessionActivity> sessions = new java.util.ArrayList<>();
        waits.forEach((cls, n) -> {
            for (int i = 0; i < n; i++) {
                sessions.add(new SessionActivity(i, "u", "d", "a", "", "client backend", "active",
                        cls.equals("CPU") ? "" : cls, "", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), "", at));
            }
        });
        Map<String, Metric<?>> metrics = new HashMap<>();
        metrics.put("activity", new Metric.Available<>(new ActivitySnapshot(at, sessions, WaitProfile.of(sessions)), at));
        Instant dbAt = freshDatabase ? at : at.minusSeconds(30);
        metrics.put("database", new Metric.Available<>(new DatabaseCounters(at, commits, 0, 0, 0, 0, 0, 0, 90, 10, 0, 0,
                0, Optional.of(T0.minusSeconds(3600)), 7, 100), dbAt));
        return new NodeSample("c", "pg1", tick, at, status, metrics);
    }

    /** A sample with its rate window, as the monitor publishes it. */
    static NodeSample windowed(Optional<NodeSample> previous, Instant at, long tick, long commits,
                               Map<String, Integer> waits, boolean freshDatabase) {
        return DatabaseWindow.attach(previous, sample(at, tick, commits, waits, freshDatabase), DatabaseWindow.DEFAULT_SPAN);
    }

    @Test
    void pointsAreRatesAndCountsReadOnThisTickOnly() {
        NodeSample first = windowed(Optional.empty(), T0, 1, 1000, Map.of("CPU", 2), true);
        NodeSample early = windowed(Optional.of(first), T0.plusSeconds(1), 2, 1200, Map.of("CPU", 2), true);
        assertThat(HistoryPoints.of(Optional.of(first), early)).as("no rate before the window is full: no first spike")
                .doesNotContainKey(HistoryPoints.TPS).containsEntry(HistoryPoints.CONNECTIONS, 7.0);
        NodeSample second = windowed(Optional.of(early), T0.plusSeconds(5), 3, 1250, Map.of("Lock", 1), true);
        Map<String, Double> points = HistoryPoints.of(Optional.of(early), second);
        assertThat(points).containsEntry(HistoryPoints.TPS, 50.0).containsEntry(HistoryPoints.CONNECTIONS, 7.0)
                .containsEntry("active:Lock", 1.0).doesNotContainKey("active:CPU");

        NodeSample staleDatabase = windowed(Optional.of(second), T0.plusSeconds(6), 4, 1300, Map.of(), false);
        assertThat(HistoryPoints.of(Optional.of(second), staleDatabase)).doesNotContainKeys(HistoryPoints.TPS,
                HistoryPoints.CONNECTIONS);
        NodeSample down = new NodeSample("c", "pg1", 4, T0.plusSeconds(3),
                NodeStatus.down(PG1, "refused", T0, Duration.ZERO), second.metrics());
        assertThat(HistoryPoints.of(Optional.of(second), down)).isEmpty();
    }

    @Test
    void aWaitClassThatEmptiesIsRecordedAsZeroSoStackedLayersStayAligned() {
        ClusterMonitor monitor = new ClusterMonitor(new ClusterDefinition("c", List.of(PG1)),
                MonitorConnectionSettings.defaults(), List.of());
        try (ClusterHistory history = new ClusterHistory(monitor, Duration.ofSeconds(2))) {
            NodeSample a = windowed(Optional.empty(), T0, 1, 1000, Map.of("CPU", 2), true);
            NodeSample b = windowed(Optional.of(a), T0.plusSeconds(5), 2, 1050, Map.of("Lock", 1), true);
            NodeSample c = windowed(Optional.of(b), T0.plusSeconds(10), 3, 1100, Map.of("Lock", 1), true);
            history.record(Optional.empty(), a);
            history.record(Optional.of(a), b);
            history.record(Optional.of(b), c);
            assertThat(history.capacity()).isEqualTo(2);
            assertThat(history.series("pg1", "active:CPU").orElseThrow().points().values()).containsExactly(0.0, 0.0);
            assertThat(history.series("pg1", "active:Lock").orElseThrow().points().values()).containsExactly(1.0, 1.0);
            assertThat(history.series("pg1", HistoryPoints.TPS).orElseThrow().points().values()).containsExactly(10.0, 10.0);
        } finally {
            monitor.close();
        }
    }

    @Test
    void aChartWindowCopiesOnlyItsPointsAndTheOneBefore() {
        Series s = new Series(5);
        for (long t = 1; t <= 7; t++) {
            s.add(t * 1000, t); // 1..7 s; capacity 5 keeps 3..7
        }
        Series.Points window = s.pointsSince(5500);
        assertThat(window.times()).containsExactly(5000L, 6000L, 7000L);
        assertThat(window.values()).containsExactly(5.0, 6.0, 7.0);
        assertThat(s.pointsSince(0).times()).containsExactly(3000L, 4000L, 5000L, 6000L, 7000L);
        assertThat(s.pointsSince(9000).times()).containsExactly(7000L);
    }
}
