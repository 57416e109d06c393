package dev.vigil.cli;

import dev.vigil.bench.MonitorBench;
import dev.vigil.bench.SwitchoverBench;
import dev.vigil.bench.SwitchoverFigures;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabSettings;
import dev.vigil.lab.LabSwitchover;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.AckedCommit;
import dev.vigil.lab.workload.Workload;
import dev.vigil.lab.workload.WriteOutage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = {"Measure Vigil and its lab; prints figures.",
        "The window's own bench is 'vigil bench ui' (needs a display, e.g. xvfb-run)."},
        subcommands = {BenchCommand.LabBench.class, MonitorBench.class, SwitchoverBench.class})
public final class BenchCommand {

    @Command(name = "lab", mixinStandardHelpOptions = true,
            description = "Time a 3-node lab to streaming, then a lab switchover under a client committing every "
                    + "10 ms: the write outage it saw and the acknowledged commits lost (must be 0).")
    public static final class LabBench implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--runs", defaultValue = "3", description = "Repetitions (default ${DEFAULT-VALUE}).")
        int runs;
        @Option(names = "--pg-bin", paramLabel = "DIR", description = "PostgreSQL bin directory (default: from Maven).")
        Path pgBin;

        public record Run(long startupMillis, long serverOutageMillis, long clientOutageMillis, int acked, int lost) {}

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<Run> results = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                try (Lab lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin))) {
                    if (i == 1) {
                        out.println("vigil bench lab: " + lab.binaries() + ", " + Runtime.getRuntime().availableProcessors()
                                + " CPUs, " + runs + " runs");
                    }
                    LabCluster cluster = lab.createCluster("bench", 2);
                    Run run = switchover(cluster);
                    results.add(run);
                    if (i == 1) {
                        out.println("run 1 lab startup by step:\n" + cluster.startupTimings());
                    }
                    out.printf("run %d: lab streaming %5d ms | switchover outage: server %4d ms, client %4d ms | "
                                    + "%d acknowledged, %d lost%n", i, run.startupMillis(), run.serverOutageMillis(),
                            run.clientOutageMillis(), run.acked(), run.lost());
                    out.flush();
                }
            }
            out.println();
            summary(out, "3-node lab to streaming", results, Run::startupMillis);
            summary(out, "switchover write outage, server side", results, Run::serverOutageMillis);
            summary(out, "switchover write outage, client seen", results, Run::clientOutageMillis);
            out.printf("acknowledged commits lost: %d of %d%n", results.stream().mapToInt(Run::lost).sum(),
                    results.stream().mapToInt(Run::acked).sum());
            out.println("Goals:");
            goals(results).forEach(g -> out.printf("  [%s] %s: %s%n", g.met() ? "met" : "NOT MET", g.goal(),
                    g.measured()));
        }

        static final long STARTUP_GOAL_MILLIS = 5000;

        /** The goals printed beside the figures, decided: every run's start within the goal, and nothing lost. */
        public static List<SwitchoverFigures.Goal> goals(List<Run> runs) {
            long slowest = runs.stream().mapToLong(Run::startupMillis).max().orElse(-1);
            int lost = runs.stream().mapToInt(Run::lost).sum();
            return List.of(
                    new SwitchoverFigures.Goal("3-node lab to streaming <= " + STARTUP_GOAL_MILLIS + " ms in every run",
                            runs.isEmpty() ? "not measured" : "slowest " + slowest + " ms",
                            !runs.isEmpty() && slowest <= STARTUP_GOAL_MILLIS),
                    new SwitchoverFigures.Goal("0 acknowledged commits lost in every lab switchover", lost + " lost in "
                            + runs.size() + " switchovers", !runs.isEmpty() && lost == 0));
        }

        private static Run switchover(LabCluster cluster) {
            long startup = cluster.startupTimings().total().toMillis();
            // One client committing every 10 ms, as the field's reference measurements do.
            try (Workload workload = Workload.start(cluster, new Workload.Settings(100, 1.0, 1))) {
                Waits.until(Duration.ofSeconds(30), "100 acknowledged commits",
                        () -> workload.stats().acknowledgedWrites() >= 100);
                LabSwitchover.Result result = LabSwitchover.run(cluster, cluster.node("pg2"));
                long after = workload.stats().acknowledgedWrites();
                Waits.until(Duration.ofSeconds(30), "commits on the new primary",
                        () -> workload.stats().acknowledgedWrites() >= after + 100);
                List<AckedCommit> acked = workload.acknowledged();
                long client = WriteOutage.longestGap(acked, result.writesStoppedNanos(), result.writableNanos())
                        .map(g -> g.duration().toMillis()).orElse(-1L);
                int lost = Workload.missingOn(result.newPrimary(), acked).size();
                return new Run(startup, result.serverSideOutage().toMillis(), client, acked.size(), lost);
            }
        }

        private static void summary(PrintWriter out, String what, List<Run> runs, ToLongFunction<Run> metric) {
            long[] v = runs.stream().mapToLong(metric).sorted().toArray();
            out.printf("%-44s min %5d ms  median %5d ms  max %5d ms%n", what, v[0], v[v.length / 2], v[v.length - 1]);
        }
    }
}
