package dev.vigil.ui.shell;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.inventory.Inventory;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.LabSettings;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.DefaultCollectors;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.ops.control.NodeControls;
import dev.vigil.ui.common.ClusterSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window watches at start: the configured clusters and running labs, or, when there are none, a demo
 * lab of its own. Deciding reads files, so it happens in {@link #open()}, off the FX thread.
 */
public final class StartupSource implements ClusterSource {
    private static final Logger log = LoggerFactory.getLogger(StartupSource.class);
    private final Path config;
    private final LabSettings labSettings;
    private final Map<String, ClusterMonitor> watchers = new java.util.LinkedHashMap<>();
    private volatile List<InventoryProblem> problems = List.of();
    /** Configured clusters and labs of other processes: the commands their inventory entry gives, or none. */
    private final NodeControls controls;
    private volatile ClusterSource demo;
    private volatile String description = "";
    private volatile Map<String, Double> alertOverrides = Map.of();

    public StartupSource(Path config, LabSettings labSettings) {
        this.config = config;
        this.labSettings = labSettings;
        this.controls = NodeControls.withRunningLabs(labSettings.baseDir());
    }

    @Override
    public synchronized List<SampleFeed> open() throws Exception {
        Inventory inventory = Inventory.discover(config, labSettings.baseDir());
        inventory.problems().forEach(p -> log.warn("{}", p));
        alertOverrides = inventory.alertOverrides();
        problems = inventory.problems();
        if (inventory.clusters().isEmpty()) {
            if (inventory.problems().stream().anyMatch(p -> p.severity() == InventoryProblem.Severity.ERROR)) {
                // The window says so instead of starting a demo lab in place of the operator's clusters, and
                // starts again when the file changes.
                throw new IllegalStateException("No cluster could be loaded from " + config + ":\n"
                        + String.join("\n", inventory.problems().stream().map(InventoryProblem::toString).toList()));
            }
            DemoLabSource demoLab = new DemoLabSource(labSettings);
            demo = demoLab;
            List<SampleFeed> feeds = demoLab.open();
            description = demoLab.description();
            return feeds;
        }
        for (ClusterDefinition cluster : inventory.clusters()) {
            startWatching(cluster);
        }
        describe(inventory);
        return List.copyOf(watchers.values());
    }

    /**
     * Reads the inventory again. A cluster whose definition is unchanged keeps its monitor (and history); a
     * changed one is watched anew; one gone is no longer watched. Problems are replaced by the new ones.
     */
    @Override
    public synchronized Reloaded reload() {
        Inventory inventory = Inventory.discover(config, labSettings.baseDir());
        problems = inventory.problems();
        alertOverrides = inventory.alertOverrides();
        if (demo != null) {
            return new Reloaded(List.of(), List.of()); // the demo lab stays what it is; its problems are shown
        }
        List<String> removed = new ArrayList<>();
        List<SampleFeed> added = new ArrayList<>();
        Map<String, ClusterDefinition> wanted = new java.util.LinkedHashMap<>();
        inventory.clusters().forEach(c -> wanted.put(c.name(), c));
        for (String name : List.copyOf(watchers.keySet())) {
            ClusterDefinition now = wanted.get(name);
            if (now == null || !sameWatch(watchers.get(name).cluster(), now)) {
                watchers.remove(name).close();
                removed.add(name);
            }
        }
        for (ClusterDefinition cluster : inventory.clusters()) {
            if (!watchers.containsKey(cluster.name())) {
                added.add(startWatching(cluster));
            }
        }
        describe(inventory);
        return new Reloaded(removed, added);
    }

    /** What decides how a cluster is watched and acted on (the password lookup itself has no equality). */
    private static boolean sameWatch(ClusterDefinition a, ClusterDefinition b) {
        // The monitor settings hold the interval and the connect and down timeouts: a change to any is a new watch.
        return a.nodes().equals(b.nodes()) && a.monitorSettings().equals(b.monitorSettings())
                && a.control().equals(b.control())
                && a.migrations().equals(b.migrations())
                && a.actions().map(dev.vigil.cluster.OperatorAccess::user).equals(b.actions().map(dev.vigil.cluster.OperatorAccess::user));
    }

    private ClusterMonitor startWatching(ClusterDefinition cluster) {
        ClusterMonitor watcher = new ClusterMonitor(cluster, DefaultCollectors.all());
        watcher.start();
        watchers.put(cluster.name(), watcher);
        return watcher;
    }

    private void describe(Inventory inventory) {
        long labs = inventory.clusters().stream().filter(c -> c.name().startsWith(LabInventory.PREFIX)).count();
        long configured = inventory.clusters().size() - labs;
        List<String> parts = new ArrayList<>();
        if (configured > 0) {
            parts.add(plural(configured, "cluster") + " from " + config.getFileName());
        }
        if (labs > 0) {
            parts.add(plural(labs, "running lab cluster"));
        }
        if (!inventory.problems().isEmpty()) {
            parts.add(plural(inventory.problems().size(), "inventory problem") + " (vigil inventory)");
        }
        description = String.join(" · ", parts);
    }

    @Override
    public List<InventoryProblem> inventoryProblems() {
        return problems;
    }

    @Override
    public java.util.Optional<Path> inventoryFile() {
        return java.util.Optional.of(config);
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    public Map<String, Double> alertOverrides() {
        return alertOverrides;
    }

    @Override
    public NodeControls nodeControls() {
        ClusterSource d = demo;
        return d == null ? controls : d.nodeControls();
    }

    @Override
    public List<String> createdClusters() {
        ClusterSource d = demo;
        return d == null ? List.of() : d.createdClusters();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        watchers.values().forEach(ClusterMonitor::close);
        if (demo != null) {
            demo.close();
        }
    }
}
