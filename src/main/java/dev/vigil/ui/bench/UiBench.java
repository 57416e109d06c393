package dev.vigil.ui.bench;

import dev.vigil.ui.ConsoleView;
import dev.vigil.ui.WindowState;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench ui}: the console's performance figures, printed, never asserted. FX-thread time per tick for
 * each view on a large synthetic cluster, heap over two simulated hours, and launch to live data on the demo lab.
 * Needs a display: {@code xvfb-run -a packaging/bin/vigil bench ui}, or Monocle on the class path.
 */
@Command(name = "vigil bench ui", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the window: FX-thread time per tick with each view on screen (goal: median <= 8 ms, "
                + "p99 <= 16 ms), heap over 2 simulated hours of 1 s samples (goal: flat), and launch to live data on "
                + "the demo lab. Prints figures; asserts nothing.",
            "Needs a display: xvfb-run -a -s \"-screen 0 1600x1000x24\" packaging/bin/vigil bench ui"})
public final class UiBench implements Callable<Integer> {
    static final double GOAL_MEDIAN_MS = 8;
    static final double GOAL_P99_MS = 16;
    static final WindowState WINDOW = BenchWindow.layout(ConsoleView.OVERVIEW, Duration.ofHours(1));
    private static volatile long mainEntered;

    @Spec
    CommandSpec spec;
    @Option(names = "--parts", split = ",", defaultValue = "launch,ticks,heap",
            description = "Which parts to run, of launch, ticks, heap (default ${DEFAULT-VALUE}).")
    Set<String> parts;
    @Option(names = "--views", split = ",", description = "Views measured in the tick part, in order (default: all).")
    List<ConsoleView> views = List.of(ConsoleView.values());
    @Option(names = "--sessions", defaultValue = "2000", description = "Sessions in the tick part (default ${DEFAULT-VALUE}).")
    int sessions;
    @Option(names = "--statements", defaultValue = "5000", description = "pg_stat_statements entries, read fresh every tick (default ${DEFAULT-VALUE}).")
    int statements;
    @Option(names = "--waiters", defaultValue = "300", description = "Lock waiters, in trees of 15 (default ${DEFAULT-VALUE}).")
    int waiters;
    @Option(names = "--statements-every", defaultValue = "1", description = "Read pg_stat_statements every so many "
            + "ticks in the tick part: 1 is the worst case, the monitor's default is 30 (default ${DEFAULT-VALUE}).")
    int statementsEvery;
    @Option(names = "--ticks", defaultValue = "300", description = "Ticks measured per view (default ${DEFAULT-VALUE}).")
    int ticks;
    @Option(names = "--warmup", defaultValue = "100", description = "Warm-up ticks over all views (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--settle", defaultValue = "20", description = "Ticks after each view switch not measured (default ${DEFAULT-VALUE}).")
    int settle;
    @Option(names = "--interval-ms", defaultValue = "100", description = "Pace of ticks in the tick part (default ${DEFAULT-VALUE}).")
    long intervalMillis;
    @Option(names = "--range-minutes", defaultValue = "60", description = "Chart range, minutes: 5, 15, 30 or 60 (default ${DEFAULT-VALUE}).")
    int rangeMinutes;
    @Option(names = "--prefill-seconds", defaultValue = "3600", description = "History recorded before the tick part (default ${DEFAULT-VALUE}).")
    int prefillSeconds;
    @Option(names = "--heap-ticks", defaultValue = "7200", description = "Simulated seconds in the heap part (default ${DEFAULT-VALUE}).")
    int heapTicks;
    @Option(names = "--heap-step", defaultValue = "300", description = "Heap measured every so many ticks (default ${DEFAULT-VALUE}).")
    int heapStep;
    @Option(names = "--heap-load", split = ",", defaultValue = "200,500,20",
            description = "Sessions, statements, lock waiters in the heap part (default ${DEFAULT-VALUE}).")
    int[] heapLoad;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (mainEntered == 0) {
            mainEntered = System.currentTimeMillis();
        }
        return new CommandLine(new UiBench()).setCaseInsensitiveEnumValuesAllowed(true).setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("vigil bench ui: " + e.getMessage());
                    return 2;
                })
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Set<String> unknown = new java.util.TreeSet<>(parts);
        unknown.removeAll(Set.of("launch", "ticks", "heap"));
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown parts " + unknown
                    + ": choose from launch, ticks, heap");
        }
        Duration range = Duration.ofMinutes(rangeMinutes);
        Path work = Files.createTempDirectory("vigil-bench-ui-");
        // The demo lab's servers run as a service user, who must be able to enter the lab directory.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        FxSession fx = FxSession.start();
        long toolkitUp = System.currentTimeMillis();
        try {
            header(out, fx);
            if (parts.contains("launch")) {
                progress("starting a demo lab through the window's start-up path");
                print(out, LaunchBench.run(fx, mainEntered, toolkitUp,
                        ManagementFactory.getRuntimeMXBean().getStartTime(), work, Duration.ofSeconds(180)));
            }
            if (parts.contains("ticks")) {
                progress("FX-thread time per tick, each view in turn (about "
                        + (warmup + (long) views.size() * (settle + ticks)) * intervalMillis / 1000 + " s after filling the history)");
                print(out, TickBench.run(fx, new TickBench.Settings(sessions, statements, waiters, statementsEvery, prefillSeconds,
                        warmup, settle, ticks, intervalMillis, range, views), work));
            }
            if (parts.contains("heap")) {
                progress("heap over " + heapTicks + " simulated seconds");
                print(out, HeapBench.run(fx, new HeapBench.Settings(heapLoad[0], heapLoad[1], heapLoad[2], heapTicks,
                        heapStep, Duration.ofHours(1)), work));
            }
        } finally {
            fx.close();
            deleteTree(work);
        }
        return 0;
    }

    private void progress(String what) {
        spec.commandLine().getErr().println("bench: " + what + " ...");
    }

    private static void header(PrintWriter out, FxSession fx) {
        String display = FxSession.monocleRequested() ? "Monocle " + System.getProperty("monocle.platform", "")
                : "DISPLAY " + System.getenv("DISPLAY");
        out.printf(Locale.ROOT, "vigil bench ui: %d CPUs (load average %.2f), Java %s, JavaFX %s, %s, %s, max heap "
                        + "%.1f GiB%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")), display,
                fx.pipeline(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
        out.flush();
    }

    static void print(PrintWriter out, LaunchBench.Report r) {
        out.printf(Locale.ROOT, "%nlaunch to live data on the demo lab: %d ms, from JVM start to the first sample with "
                + "%d of %d nodes reachable%n", r.total(), r.nodes(), r.nodes());
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

    static void print(PrintWriter out, TickBench.Report r) {
        TickBench.Settings s = r.settings();
        out.printf(Locale.ROOT, "%nFX-thread time per tick: the sample applied and the views refreshed, then the "
                + "pulse's CSS and layout pass (painting is on the render thread)%n");
        out.printf(Locale.ROOT, "  synthetic 3-node cluster: %d sessions, %d pg_stat_statements entries read %s, %d lock "
                        + "waiters in trees of 15%n", s.sessions(), s.statements(), s.statementsEvery() == 1
                        ? "fresh every tick (worst case)" : "every " + s.statementsEvery() + " ticks", s.waiters());
        out.printf(Locale.ROOT, "  window %.0fx%.0f, dark theme, charts last %d min over %d s of history; %d warm-up "
                        + "ticks, then per view %d settle + %d measured, one tick every %d ms%n",
                WINDOW.width(), WINDOW.height(), s.chartRange().toMinutes(), s.prefillTicks(), s.warmup(), s.settle(),
                s.ticks(), s.intervalMillis());
        out.printf(Locale.ROOT, "%-14s %6s %9s %9s %9s   goal: median <= %.0f ms, p99 <= %.0f ms%n", "view", "ticks",
                "median", "p99", "max", GOAL_MEDIAN_MS, GOAL_P99_MS);
        r.byView().forEach((view, costs) -> tickRow(out, view.title(), costs));
        tickRow(out, "all views", r.all());
        out.printf(Locale.ROOT, "%nwhere it goes, mean ms per tick %9s %9s %9s %11s %9s%n", "apply", "views", "other",
                "css+layout", "total");
        r.byView().forEach((view, costs) -> out.printf(Locale.ROOT, "  %-29s %9.2f %9.2f %9.2f %11.2f %9.2f%n",
                view.title(), mean(costs, TickCost::applyNanos), mean(costs, TickCost::viewNanos),
                mean(costs, TickCost::otherNanos), mean(costs, TickCost::pulseNanos), mean(costs, TickCost::totalNanos)));
        out.println("  apply: model, cluster tree, status bar; views: each view observes the tick, the one on screen "
                + "refreshes;");
        out.println("  other: alerts and journal entries; css+layout: the pulses' CSS and layout passes until the tick "
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
        boolean ok = median <= GOAL_MEDIAN_MS && p99 <= GOAL_P99_MS;
        out.printf(Locale.ROOT, "%-14s %6d %6.2f ms %6.2f ms %6.2f ms   %s%n", name, nanos.length, median, p99,
                Stats.max(nanos) / 1e6, ok ? "within goal" : "OVER GOAL");
    }

    private static double mean(List<TickCost> costs, ToLongFunction<TickCost> f) {
        return costs.stream().mapToLong(f).average().orElse(Double.NaN) / 1e6;
    }

    static void print(PrintWriter out, HeapBench.Report r) {
        HeapBench.Settings s = r.settings();
        out.printf(Locale.ROOT, "%nheap with the window on screen (Overview, charts last %d min): %d ticks of 1 s for "
                        + "a 3-node cluster at %d sessions, %d statements, %d lock waiters, fed as fast as the FX thread "
                        + "takes them; heap in use after %d full GCs%n", s.chartRange().toMinutes(), s.ticks(),
                s.sessions(), s.statements(), s.waiters(), HeapBench.FULL_COLLECTIONS);
        out.printf(Locale.ROOT, "%10s %16s %16s%n", "simulated", "used heap", "history points");
        for (HeapBench.Point p : r.points()) {
            out.printf(Locale.ROOT, "%7d:%02d %,12d KiB %,16d%n", p.tick() / 3600, p.tick() / 60 % 60,
                    p.usedBytes() / 1024, p.historyPoints());
        }
        int half = s.ticks() / 2;
        long lastUsed = r.points().get(r.points().size() - 1).usedBytes() / 1024;
        out.printf(Locale.ROOT, "slope over the second half, from %d:%02d (the history is full after 1:00): %+,.0f KiB per simulated hour "
                        + "(%+.2f%% of the heap in use per hour)   goal: flat%n", half / 3600, half / 60 % 60,
                r.slopeKibPerHour(half), 100 * r.slopeKibPerHour(half) / Math.max(1, lastUsed));
        out.printf(Locale.ROOT, "slope over the whole run: %+,.0f KiB per simulated hour%n", r.slopeKibPerHour(0));
        out.printf(Locale.ROOT, "FX-thread time per tick in this run: median %.2f ms, p99 %.2f ms; %d GCs, %d ms; "
                        + "%.1f s wall%n", Stats.percentile(r.fxNanos(), 50) / 1e6, Stats.percentile(r.fxNanos(), 99) / 1e6,
                r.gc().collections(), r.gc().millis(), r.wall().toMillis() / 1000.0);
        out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
