package dev.vigil.bench.ui;

import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.shell.MainViewModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

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
    private static volatile long mainEntered;

    @Spec
    CommandSpec spec;
    @Option(names = "--parts", split = ",", defaultValue = "launch,ticks,heap",
            description = "Parts to run, of launch, ticks, heap (default ${DEFAULT-VALUE}).")
    Set<String> parts;
    @Option(names = "--views", split = ",", description = "Views measured in the tick part, in order (default: all).")
    List<ConsoleView> views = List.of(ConsoleView.values());
    @Option(names = "--sessions", defaultValue = "2000",
            description = "Tick part: sessions (default ${DEFAULT-VALUE}).")
    int sessions;
    @Option(names = "--statements", defaultValue = "5000",
            description = "Tick part: pg_stat_statements entries (default ${DEFAULT-VALUE}).")
    int statements;
    @Option(names = "--waiters", defaultValue = "300",
            description = "Tick part: lock waiters, in trees of 15 (default ${DEFAULT-VALUE}).")
    int waiters;
    @Option(names = "--statements-every", defaultValue = "1", description = "Tick part: a fresh pg_stat_statements "
            + "read every so many ticks; 1 is the worst case, the monitor reads every 30 (default ${DEFAULT-VALUE}).")
    int statementsEvery;
    @Option(names = "--ticks", defaultValue = "300",
            description = "Tick part: ticks measured per view (default ${DEFAULT-VALUE}).")
    int ticks;
    @Option(names = "--warmup", defaultValue = "100",
            description = "Warm-up ticks, over all views in turn (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--settle", defaultValue = "20",
            description = "Ticks not measured after each view switch (default ${DEFAULT-VALUE}).")
    int settle;
    @Option(names = "--interval-ms", defaultValue = "100",
            description = "Tick part: one tick every so many ms (default ${DEFAULT-VALUE}).")
    long intervalMillis;
    @Option(names = "--range-minutes", defaultValue = "60",
            description = "Tick part: chart range, 5, 15, 30 or 60 minutes (default ${DEFAULT-VALUE}).")
    int rangeMinutes;
    @Option(names = "--prefill-seconds", defaultValue = "3600",
            description = "Tick part: history recorded first (default ${DEFAULT-VALUE}).")
    int prefillSeconds;
    @Option(names = "--heap-ticks", defaultValue = "7200",
            description = "Heap part: simulated seconds (default ${DEFAULT-VALUE}).")
    int heapTicks;
    @Option(names = "--heap-step", defaultValue = "300",
            description = "Heap part: heap measured every so many ticks (default ${DEFAULT-VALUE}).")
    int heapStep;
    @Option(names = "--heap-load", split = ",", defaultValue = "200,500,20",
            description = "Heap part: sessions, statements, lock waiters (default ${DEFAULT-VALUE}).")
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
        if (!MainViewModel.CHART_RANGES.contains(range)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--range-minutes: the window offers "
                    + MainViewModel.CHART_RANGES.stream().map(d -> Long.toString(d.toMinutes())).toList());
        }
        if (heapLoad.length != 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--heap-load: sessions,statements,waiters");
        }
        FxSession fx = FxSession.start();
        long toolkitUp = System.currentTimeMillis();
        Path work = Files.createTempDirectory("vigil-bench-ui-");
        // The demo lab's servers run as a service user, who must be able to enter the lab directory.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Printout.header(out, fx);
            if (parts.contains("launch")) {
                progress("starting a demo lab through the window's start-up path");
                Printout.launch(out, LaunchBench.run(fx, mainEntered, toolkitUp,
                        ManagementFactory.getRuntimeMXBean().getStartTime(), work, Duration.ofSeconds(180)));
            }
            if (parts.contains("ticks")) {
                progress("FX-thread time per tick, each view in turn (about " + (warmup + (long) views.size()
                        * (settle + ticks)) * intervalMillis / 1000 + " s after filling the history)");
                Printout.ticks(out, TickBench.run(fx, new TickBench.Settings(sessions, statements, waiters,
                        statementsEvery, prefillSeconds, warmup, settle, ticks, intervalMillis, range, views), work));
            }
            if (parts.contains("heap")) {
                progress("heap over " + heapTicks + " simulated seconds");
                Printout.heap(out, HeapBench.run(fx, new HeapBench.Settings(heapLoad[0], heapLoad[1], heapLoad[2],
                        heapTicks, heapStep, Duration.ofHours(1)), work));
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

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
