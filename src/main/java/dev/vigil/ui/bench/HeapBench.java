package dev.vigil.ui.bench;

import dev.vigil.ui.ConsoleView;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap over simulated hours with the window on screen: the Overview at a chart range, fed 1 s ticks as fast as
 * the FX thread takes them. Every {@code step} ticks, once the FX queue has drained, a few full collections
 * and the heap in use. The history is one hour deep, so after the first hour the heap should stay flat.
 */
final class HeapBench {
    private HeapBench() {}

    record Settings(int sessions, int statements, int waiters, int ticks, int step, Duration chartRange) {}

    /** The heap in use after collections at a tick, and what the cluster's history held then. */
    record Point(int tick, long usedBytes, long historyBytes) {
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
            long[] fxNanos = new long[s.ticks()];
            GcCounter gcBefore = GcCounter.now();
            points.add(measure(window, 0));
            for (int t = 1; t <= s.ticks(); t++) {
                fxNanos[t - 1] = window.tick(cluster).totalNanos();
                if (t % s.step() == 0) {
                    points.add(measure(window, t));
                }
            }
            GcCounter gc = GcCounter.now().since(gcBefore);
            return new Report(s, points, fxNanos, gc, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static Point measure(BenchWindow window, int tick) {
        window.drain();
        for (int i = 0; i < 3; i++) {
            System.gc(); // the bench asks for the live set, so it has to ask for full collections
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Point(tick, used, window.history().retainedBytes());
    }
}
