package dev.vigil.ui;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.DefaultCollectors;
import dev.vigil.cluster.Inventory;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.LabInventory;
import dev.vigil.lab.LabSettings;
import dev.vigil.ops.control.NodeControls;
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
    private final List<ClusterMonitor> watchers = new ArrayList<>();
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
        if (inventory.clusters().isEmpty()) {
            if (inventory.problems().stream().anyMatch(p -> p.severity() == InventoryProblem.Severity.ERROR)) {
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
            ClusterMonitor watcher = new ClusterMonitor(cluster, cluster.monitorSettings(),
                DefaultCollectors.all());
            watcher.start();
            watchers.add(watcher);
        }
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
        return List.copyOf(watchers);
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
        watchers.forEach(ClusterMonitor::close);
        if (demo != null) {
            demo.close();
        }
    }
}
