package dev.vigil.bench.ui;

import dev.vigil.monitor.history.ClusterHistory;
import dev.vigil.monitor.history.Series;
import dev.vigil.ui.common.ConsoleView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap over simulated hours with the window on screen: the Overview at a chart range, fed 1 s ticks as fast as
 * the FX thread takes them. Every {@code step} ticks, once the FX queue has drained and the scene is laid out,
 * a few full collections and the heap in use after them. The history is one hour deep, so after the first hour
 * the heap should stay flat.
 */
final class HeapBench {
    static final int FULL_COLLECTIONS = 2;

    private HeapBench() {}

    record Settings(int sessions, int statements, int waiters, int ticks, int step, Duration chartRange) {}

    /** The heap in use after collections at a tick, and the points the cluster's history held then. */
    record Point(int tick, long usedBytes, long historyPoints) {
        double hours() {
            return tick / 3600.0;
        }
    }

    record Report(Settings settings, List<Point> points, long[] fxNanos, GcCounter gc, Duration wall) {

        /** KiB per simulated hour over the points from {@code fromTick} on. */
        double slopeKibPerHour(int fromTick) {
            return Stats.slope(points.stream().filter(p -> p.tick() >= fromTick)
                    .map(p -> new double[] {p.hours(), p.usedBytes() / 1024.0}).toList());
        }
    }

    static Report run(FxSession fx, Settings s, Path workDir) {
        SyntheticCluster cluster = new SyntheticCluster(s.sessions(), s.statements(), s.waiters(),
                Instant.now().minusSeconds(s.ticks()));
        String what = "synthetic cluster: " + s.sessions() + " sessions";
        long started = System.nanoTime();
        try (BenchWindow window = BenchWindow.open(fx, new SyntheticSource(cluster, what),
                BenchWindow.layout(ConsoleView.OVERVIEW, s.chartRange()), workDir.resolve("heap-journal.jsonl"), true,
                vm -> { })) {
            window.awaitRunning(Duration.ofSeconds(60));
            List<Point> points = new ArrayList<>();
            List<String> nodes = cluster.cluster().nodes().stream().map(n -> n.name()).toList();
            long[] fxNanos = new long[s.ticks()];
            GcCounter gcBefore = GcCounter.now();
            points.add(measure(window, nodes, 0));
            for (int t = 1; t <= s.ticks(); t++) {
                fxNanos[t - 1] = window.tick(cluster).totalNanos();
                if (t % s.step() == 0) {
                    points.add(measure(window, nodes, t));
                }
            }
            GcCounter gc = GcCounter.now().since(gcBefore);
            return new Report(s, points, fxNanos, gc, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static Point measure(BenchWindow window, List<String> nodes, int tick) {
        window.drain();
        ClusterHistory history = window.history();
        long points = nodes.stream().flatMap(node -> history.metrics(node).stream()
                .map(metric -> history.series(node, metric))).mapToLong(s -> s.map(Series::size).orElse(0)).sum();
        return new Point(tick, LiveHeap.afterFullCollections(FULL_COLLECTIONS), points);
    }
}
