package dev.vigil.bench.ui;

import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.shell.WindowState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * FX-thread time per tick: the real window on a synthetic cluster, ticked from the bench thread with one tick in
 * flight, each view on screen in turn. History is filled first (window paused) so the charts draw the
 * chosen range full.
 */
final class TickBench {
    private TickBench() {}

    /**
     * @param statementsEvery a fresh pg_stat_statements read every so many ticks (1: the worst case)
     * @param prefillTicks simulated seconds of history recorded before the run, with the window paused
     * @param intervalMillis the pace of ticks; the FX thread renders in between, as it would at 1 s sampling
     */
    record Settings(int sessions, int statements, int waiters, int statementsEvery, int prefillTicks, int warmup,
                    int settle, int ticks, long intervalMillis, Duration chartRange, List<ConsoleView> views) {}

    record Report(Settings settings, WindowState window, Map<ConsoleView, List<TickCost>> byView, GcCounter gc,
                  Duration prefill, Duration wall) {

        List<TickCost> all() {
            return byView.values().stream().flatMap(List::stream).toList();
        }
    }

    static Report run(FxSession fx, Settings s, Path workDir) {
        int totalTicks = s.prefillTicks() + s.warmup() + s.views().size() * (s.settle() + s.ticks());
        // The simulated clock ends about now, so ages shown in the window look as they would live.
        SyntheticCluster cluster = new SyntheticCluster(s.sessions(), s.statements(), s.waiters(), s.statementsEvery(),
                Instant.now().minusSeconds(totalTicks));
        String what = "synthetic cluster: " + s.sessions() + " sessions, " + s.statements() + " statements, "
                + s.waiters() + " lock waiters";
        Map<ConsoleView, List<TickCost>> byView = new EnumMap<>(ConsoleView.class);
        long started = System.nanoTime();
        WindowState layout = BenchWindow.layout(ConsoleView.OVERVIEW, s.chartRange());
        try (BenchWindow window = BenchWindow.open(fx, new SyntheticSource(cluster, what), layout,
                workDir.resolve("ticks-journal.jsonl"), true, vm -> { })) {
            window.awaitRunning(Duration.ofSeconds(60));
            long prefillStart = System.nanoTime();
            window.live(false);
            for (int i = 1; i <= s.prefillTicks(); i++) {
                cluster.tick();
                if (i % 100 == 0) {
                    window.drain(); // paused, only health reaches the window; keep its queue short all the same
                }
            }
            window.live(true);
            Duration prefill = Duration.ofNanos(System.nanoTime() - prefillStart);
            ConsoleView[] views = s.views().toArray(ConsoleView[]::new);
            // Warm every view up, so the JIT has seen each one before its turn is measured.
            int perView = Math.max(1, s.warmup() / views.length);
            for (int i = 0; i < s.warmup(); i++) {
                if (i % perView == 0) {
                    window.show(views[(i / perView) % views.length]);
                }
                paced(window, cluster, s.intervalMillis());
            }
            GcCounter gcBefore = GcCounter.now();
            for (ConsoleView view : views) {
                window.show(view);
                for (int i = 0; i < s.settle(); i++) {
                    paced(window, cluster, s.intervalMillis());
                }
                List<TickCost> costs = new ArrayList<>(s.ticks());
                for (int i = 0; i < s.ticks(); i++) {
                    costs.add(paced(window, cluster, s.intervalMillis()));
                }
                byView.put(view, costs);
            }
            GcCounter gc = GcCounter.now().since(gcBefore);
            return new Report(s, layout, byView, gc, prefill, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** One tick, then the rest of the interval for the FX thread to pulse and render. */
    private static TickCost paced(BenchWindow window, SyntheticCluster cluster, long intervalMillis) {
        long start = System.nanoTime();
        TickCost cost = window.tick(cluster);
        long rest = TimeUnit.MILLISECONDS.toNanos(intervalMillis) - (System.nanoTime() - start);
        if (rest > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(rest); // pacing a rate, not waiting for an event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
        return cost;
    }
}
