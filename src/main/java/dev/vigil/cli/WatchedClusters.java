package dev.vigil.cli;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.Inventory;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.lab.LabSettings;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.Collector;
import dev.vigil.monitor.DatabaseCounters;
import dev.vigil.monitor.DatabaseWindow;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.NodeTicks;
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
        Inventory discovered = Inventory.discover(config, LabSettings.defaultBaseDir());
        Inventory all = askPasswords ? PasswordPrompt.fill(discovered, PasswordPrompt.console()) : discovered;
        List<ClusterDefinition> chosen = all.clusters().stream()
                .filter(c -> onlyCluster == null || c.name().equals(onlyCluster)).toList();
        this.inventory = new Inventory(chosen, all.problems(), all.alertOverrides());
        for (ClusterDefinition cluster : chosen) {
            ClusterMonitor monitor = new ClusterMonitor(cluster, collectors);
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

    /** Every node read twice, or found down: enough for a full snapshot with rates. */
    boolean everyNodeSettled() {
        return monitors.stream().allMatch(m -> m.cluster().nodes().stream().allMatch(node -> {
            NodeSample[] pair = lastTwo(m.cluster().name()).get(node.name());
            return pair != null && pair[1].tick() >= 1
                    && (pair[0] != null && pair[0].tick() >= 1 || !pair[1].status().isUp());
        }));
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
