package dev.vigil.cli.status;

import dev.vigil.cli.PasswordPrompt;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.inventory.Inventory;
import dev.vigil.lab.LabSettings;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.Collector;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.NodeTicks;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.database.DatabaseWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clusters a CLI command watches (configured and running labs, optionally one by name), each with a
 * monitor, and the last two samples of every node, which is what rates need.
 */
final class WatchedClusters implements AutoCloseable {
    final Inventory inventory;
    final List<ClusterMonitor> monitors = new ArrayList<>();
    private final Map<String, NodeTicks> ticks = new ConcurrentHashMap<>();

    WatchedClusters(Path config, String onlyCluster, List<Collector<?>> collectors, boolean askPasswords) {
        this(config, onlyCluster, collectors, askPasswords, java.util.function.UnaryOperator.identity());
    }

    /** {@code tune} adjusts each cluster's monitoring settings (the command line's timeouts). */
    WatchedClusters(Path config, String onlyCluster, List<Collector<?>> collectors, boolean askPasswords,
                    java.util.function.UnaryOperator<dev.vigil.cluster.MonitorConnectionSettings> tune) {
        Inventory discovered = Inventory.discover(config, LabSettings.defaultBaseDir());
        Inventory all = askPasswords ? PasswordPrompt.fill(discovered, PasswordPrompt.console()) : discovered;
        List<ClusterDefinition> chosen = all.clusters().stream()
                .filter(c -> onlyCluster == null || c.name().equals(onlyCluster)).toList();
        this.inventory = new Inventory(chosen, all.problems(), all.alertOverrides());
        for (ClusterDefinition cluster : chosen) {
            ClusterMonitor monitor = new ClusterMonitor(cluster, tune.apply(cluster.monitorSettings()), collectors);
            NodeTicks nodeTicks = new NodeTicks();
            ticks.put(cluster.name(), nodeTicks);
            monitor.subscribeSamples(nodeTicks::update);
            monitors.add(monitor);
        }
    }

    /** The exit code of {@code status} and {@code watch} when the configuration has errors, even if all is well. */
    static final int CONFIGURATION_PROBLEMS = 3;

    /** Errors in the configuration (a cluster or the whole file left out): each named {@code file:line}. */
    List<InventoryProblem> configurationErrors() {
        return inventory.problems().stream().filter(p -> p.severity() == InventoryProblem.Severity.ERROR).toList();
    }

    /** Says each error on stderr, one per line as {@code file:line: error: message}; true if there was any. */
    boolean reportConfigurationErrors(java.io.PrintWriter err, String command) {
        List<InventoryProblem> errors = configurationErrors();
        if (errors.isEmpty()) {
            return false;
        }
        err.println(command + ": the configuration has " + errors.size() + " problem" + (errors.size() == 1 ? "" : "s")
                + "; what they name is not watched (exit " + CONFIGURATION_PROBLEMS + "):");
        errors.forEach(p -> err.println(p));
        err.flush();
        return true;
    }

    /** Every monitor records where each primary's WAL ended in {@code file}, for a failover's data-loss estimate. */
    void recordSeenWrites(dev.vigil.monitor.seen.SeenWrites file, String who) {
        dev.vigil.monitor.seen.SeenWritesRecorder recorder = new dev.vigil.monitor.seen.SeenWritesRecorder(file, who);
        monitors.forEach(m -> m.subscribeSamples(recorder));
    }

    void start() {
        monitors.forEach(ClusterMonitor::start);
    }

    /** Node name to [previous tick, latest tick]; previous is null until the node was read twice. */
    Map<String, NodeSample[]> lastTwo(String cluster) {
        NodeTicks t = ticks.get(cluster);
        Map<String, NodeSample[]> pairs = new java.util.HashMap<>();
        monitors.stream().filter(m -> m.cluster().name().equals(cluster)).findFirst().ifPresent(m ->
                m.cluster().nodes().forEach(n -> t.latest(n.name()).ifPresent(latest ->
                        pairs.put(n.name(), new NodeSample[] {t.previous(n.name()).orElse(null), latest}))));
        return pairs;
    }

    /**
     * Every node settled: up and read twice (one complete sample with a previous one for rates), or down by the
     * sampler's rules (refused, login failed, or no answer for long enough). A node that is still connecting
     * or late is not settled: a first slow answer on a loaded machine is not "down".
     */
    boolean everyNodeSettled() {
        return waitingFor().isEmpty();
    }

    /** The nodes not settled yet, as {@code cluster/node (state: reason)}. */
    List<String> waitingFor() {
        List<String> waiting = new ArrayList<>();
        for (ClusterMonitor m : monitors) {
            Map<String, NodeSample[]> pairs = lastTwo(m.cluster().name());
            for (var node : m.cluster().nodes()) {
                NodeSample[] pair = pairs.get(node.name());
                boolean settled = pair != null && pair[1].tick() >= 1 && (pair[1].status().isDown()
                        || pair[1].status().isUp() && pair[0] != null && pair[0].tick() >= 1);
                if (!settled) {
                    String state = pair == null ? "connecting" : pair[1].status().reachability().name().toLowerCase();
                    String why = pair == null ? "" : pair[1].status().error();
                    if (pair != null && pair[1].status().isUp()) {
                        why = "one more sample needed for rates";
                    }
                    waiting.add(m.cluster().name() + "/" + node.name() + " (" + state + (why.isEmpty() ? "" : ": " + why) + ")");
                }
            }
        }
        return waiting;
    }

    /** Every node that is up has rates over a full window (or has no database counters to give them). */
    boolean everyRateWindowFull() {
        return monitors.stream().allMatch(m -> lastTwo(m.cluster().name()).values().stream()
                .map(pair -> pair[1])
                .filter(s -> s.status().isUp() && s.value(DatabaseCounters.class).isPresent())
                .allMatch(s -> s.value(DatabaseWindow.class).flatMap(DatabaseWindow::rates).isPresent()));
    }

    @Override
    public void close() {
        monitors.forEach(ClusterMonitor::close);
    }
}
