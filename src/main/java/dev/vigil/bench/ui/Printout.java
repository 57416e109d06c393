package dev.vigil.bench.ui;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** How {@code vigil bench ui} prints: a header naming the machine, then each part's figures beside its goals. */
final class Printout {
    static final double GOAL_MEDIAN_MS = 8;
    static final double GOAL_P99_MS = 16;
    /**
     * "Flat" heap, decided: the heap in use grows by at most 1 % per simulated hour once the history is full. The
     * README's run grew 0.1 % (JavaFX's bounded text-layout cache); one retained sample per tick grows it by more.
     */
    static final double GOAL_HEAP_GROWTH_PERCENT_PER_HOUR = 1.0;

    private Printout() {}

    static void header(PrintWriter out, FxSession fx) {
        String display = FxSession.monocleRequested() ? "Monocle " + System.getProperty("monocle.platform", "")
                : "DISPLAY " + System.getenv("DISPLAY");
        out.printf(Locale.ROOT, "vigil bench ui: %d CPUs (load average %.2f), Java %s, JavaFX %s, %s, %s, "
                        + "max heap %.1f GiB%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")), display,
                fx.pipeline(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
        out.flush();
    }

    static void launch(PrintWriter out, LaunchBench.Report r) {
        out.printf(Locale.ROOT, "%nlaunch to live data on the demo lab: %d ms, from JVM start to the first sample "
                + "with %d of %d nodes reachable%n", r.total(), r.reachable(), r.nodes());
        row(out, "JVM start to bench main (class loading)", r.benchMain() - r.jvmStart());
        row(out, "JavaFX toolkit start", r.toolkitUp() - r.benchMain());
        row(out, "window built and shown", r.openStarted() - r.toolkitUp());
        row(out, "source open: demo lab start, monitor start", r.openReturned() - r.openStarted());
        row(out, "first sample with every node reachable", r.live() - r.openReturned());
        out.println("  source: " + r.source());
        out.println("  after close: " + r.leftoverServers().size() + " PostgreSQL processes left"
                + (r.leftoverServers().isEmpty() ? "" : ": " + r.leftoverServers()));
        out.flush();
    }

    private static void row(PrintWriter out, String what, long millis) {
        out.printf(Locale.ROOT, "  %-44s %6d ms%n", what, millis);
    }

    static void ticks(PrintWriter out, TickBench.Report r) {
        TickBench.Settings s = r.settings();
        out.printf(Locale.ROOT, "%nFX-thread time per tick: the sample applied and the views refreshed, then the "
                + "pulse's CSS and layout pass (painting is on the render thread)%n");
        out.printf(Locale.ROOT, "  synthetic 3-node cluster: %d sessions, %d pg_stat_statements entries read %s, "
                        + "%d lock waiters in trees of 15%n", s.sessions(), s.statements(), s.statementsEvery() == 1
                        ? "fresh every tick (worst case)" : "every " + s.statementsEvery() + " ticks", s.waiters());
        out.printf(Locale.ROOT, "  window %.0fx%.0f, dark theme, charts last %d min over %d s of history; %d warm-up "
                        + "ticks, then per view %d settle + %d measured, one tick every %d ms%n",
                r.window().width(), r.window().height(), s.chartRange().toMinutes(), s.prefillTicks(), s.warmup(),
                s.settle(), s.ticks(), s.intervalMillis());
        out.printf(Locale.ROOT, "%-14s %6s %9s %9s %9s   goal: median <= %.0f ms, p99 <= %.0f ms%n", "view", "ticks",
                "median", "p99", "max", GOAL_MEDIAN_MS, GOAL_P99_MS);
        r.byView().forEach((view, costs) -> tickRow(out, view.title(), costs));
        tickRow(out, "all views", r.all());
        out.printf(Locale.ROOT, "%nwhere it goes, mean ms per tick %9s %9s %9s %11s %9s%n", "apply", "views", "other",
                "css+layout", "total");
        r.byView().forEach((view, costs) -> out.printf(Locale.ROOT, "  %-29s %9.2f %9.2f %9.2f %11.2f %9.2f%n",
                view.title(), mean(costs, TickCost::applyNanos), mean(costs, TickCost::viewNanos),
                mean(costs, TickCost::otherNanos), mean(costs, TickCost::pulseNanos),
                mean(costs, TickCost::totalNanos)));
        out.println("  apply: model, cluster tree, status bar; views: every view observes the tick, the one on "
                + "screen refreshes;");
        out.println("  other: alerts, journal entries; css+layout: the pulses' CSS and layout passes until the tick "
                + "was laid out");
        out.printf(Locale.ROOT, "GC during the measured ticks: %d collections, %d ms (%s); history filled in %.1f s, "
                        + "whole part %.1f s%n", r.gc().collections(), r.gc().millis(),
                String.join(", ", GcCounter.collectorNames()), r.prefill().toMillis() / 1000.0,
                r.wall().toMillis() / 1000.0);
        out.flush();
    }

    private static void tickRow(PrintWriter out, String name, List<TickCost> costs) {
        long[] nanos = costs.stream().mapToLong(TickCost::totalNanos).toArray();
        double median = Stats.percentile(nanos, 50) / 1e6;
        double p99 = Stats.percentile(nanos, 99) / 1e6;
        boolean ok = withinTickGoal(median, p99);
        out.printf(Locale.ROOT, "%-14s %6d %6.2f ms %6.2f ms %6.2f ms   %s%n", name, nanos.length, median, p99,
                Stats.max(nanos) / 1e6, ok ? "within goal" : "OVER GOAL");
    }

    static boolean withinTickGoal(double medianMs, double p99Ms) {
        return medianMs <= GOAL_MEDIAN_MS && p99Ms <= GOAL_P99_MS;
    }

    /** Whether the heap stayed flat: growth per simulated hour at most the goal's share of the heap in use. */
    static boolean heapFlat(double slopeKibPerHour, long heapInUseKib) {
        return 100 * slopeKibPerHour / Math.max(1, heapInUseKib) <= GOAL_HEAP_GROWTH_PERCENT_PER_HOUR;
    }

    private static double mean(List<TickCost> costs, ToLongFunction<TickCost> f) {
        return costs.stream().mapToLong(f).average().orElse(Double.NaN) / 1e6;
    }

    static void heap(PrintWriter out, HeapBench.Report r) {
        HeapBench.Settings s = r.settings();
        out.printf(Locale.ROOT, "%nheap with the window on screen (Overview, charts last %d min): %d ticks of 1 s "
                        + "for a 3-node cluster%n  at %d sessions, %d statements, %d lock waiters, fed as fast as the "
                        + "FX thread takes them; heap in use after %d full GCs%n", s.chartRange().toMinutes(),
                s.ticks(), s.sessions(), s.statements(), s.waiters(), HeapBench.FULL_COLLECTIONS);
        out.printf(Locale.ROOT, "%10s %16s %16s%n", "simulated", "used heap", "history points");
        for (HeapBench.Point p : r.points()) {
            out.printf(Locale.ROOT, "%7d:%02d %,12d KiB %,16d%n", p.tick() / 3600, p.tick() / 60 % 60,
                    p.usedBytes() / 1024, p.historyPoints());
        }
        int half = s.ticks() / 2;
        double slope = r.slopeKibPerHour(half);
        long lastKib = r.points().get(r.points().size() - 1).usedBytes() / 1024;
        out.printf(Locale.ROOT, "slope over the second half, from %d:%02d (the history is full after 1:00): "
                        + "%+,.0f KiB per simulated hour (%+.2f%% of the heap in use)   goal: flat (growth <= %.0f%% "
                        + "per hour): %s%n",
                half / 3600, half / 60 % 60, slope, 100 * slope / Math.max(1, lastKib),
                GOAL_HEAP_GROWTH_PERCENT_PER_HOUR, heapFlat(slope, lastKib) ? "met" : "NOT MET");
        out.printf(Locale.ROOT, "slope over the whole run: %+,.0f KiB per simulated hour%n", r.slopeKibPerHour(0));
        out.printf(Locale.ROOT, "FX-thread time per tick in this run: median %.2f ms, p99 %.2f ms; %d GCs, %d ms; "
                        + "%.1f s wall%n", Stats.percentile(r.fxNanos(), 50) / 1e6,
                Stats.percentile(r.fxNanos(), 99) / 1e6, r.gc().collections(), r.gc().millis(),
                r.wall().toMillis() / 1000.0);
        out.flush();
    }
}
