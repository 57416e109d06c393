package dev.vigil.cli.status;

import dev.vigil.cli.Json;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.lab.host.Waits;
import dev.vigil.monitor.ClusterMonitor;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print one full snapshot of the watched clusters: topology, load, replication, locks and top "
                + "statements. Exits 0 when every node is up with one primary per cluster, 1 otherwise, 2 when "
                + "there is nothing to watch, 3 when the configuration has problems (each printed as file:line).")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WatchOptions watch;
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
    @Option(names = "--wait", paramLabel = "SECONDS", description = "Wait at most this long for one complete sample "
            + "of every node (default: ${DEFAULT-VALUE}); then print what is known and name the nodes still awaited.")
    double waitSeconds = 10;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Duration bound = WatchOptions.seconds(waitSeconds, "--wait", spec.commandLine());
        try (WatchedClusters watched = new WatchedClusters(watch.config, watch.cluster, StatusReport.collectors(),
                watch.askPassword, s -> watch.tune(s, spec.commandLine()))) {
            if (watched.monitors.isEmpty()) {
                if (watched.reportConfigurationErrors(spec.commandLine().getErr(), "vigil status")) {
                    return WatchedClusters.CONFIGURATION_PROBLEMS;
                }
                spec.commandLine().getErr().println("vigil status: no cluster to show"
                        + (watch.cluster == null ? "" : " named " + watch.cluster)
                        + ". Configure one (vigil inventory) or start a "
                        + "lab (vigil lab up).");
                return 2;
            }
            watched.start();
            // One complete sample of every node (a first slow answer under load is not "down"), and rates over a
            // full window (5 s) of reads: a shorter one would measure the server's stats flushes.
            Waits.within(bound, () -> watched.everyNodeSettled() && watched.everyRateWindowFull());
            List<String> waiting = watched.waitingFor();
            if (!waiting.isEmpty()) {
                spec.commandLine().getErr().println("vigil status: after " + waitSeconds + " s still waiting for "
                        + String.join(", ", waiting) + "; shown as last seen (try --wait or --connect-timeout)");
                spec.commandLine().getErr().flush();
            }
            List<StatusReport.ClusterReport> clusters = watched.monitors.stream()
                    .map(m -> StatusReport.cluster(m.sample().status(), watched.lastTwo(m.cluster().name()),
                            watch.includeSelf)).toList();
            StatusReport report = new StatusReport(Instant.now(), clusters,
                    watched.inventory.problems().stream().map(InventoryProblem::toString).toList(), waiting);
            if (json) {
                out.println(Json.MAPPER.writeValueAsString(report));
            } else {
                StatusText.print(out, report);
            }
            out.flush();
            boolean healthy = watched.monitors.stream().map(m -> m.sample().status())
                    .allMatch(s -> s.reachableCount() == s.nodes().size() && s.primary().isPresent());
            if (watched.reportConfigurationErrors(spec.commandLine().getErr(), "vigil status")) {
                return WatchedClusters.CONFIGURATION_PROBLEMS;
            }
            return healthy ? 0 : 1;
        }
    }
}
