package dev.vigil.ui.shell;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.DemoLab;
import dev.vigil.lab.LabSettings;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.DefaultCollectors;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.ops.control.LabNodeControl;
import dev.vigil.ops.control.NodeControls;
import dev.vigil.ui.common.ClusterSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded default when no cluster is configured: a live 3-node demo lab with a light workload, and a small
 * folder of schema migrations ({@link DemoMigrations}), the first ones applied.
 */
public final class DemoLabSource implements ClusterSource {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoLabSource.class);
    private final LabSettings settings;
    private volatile DemoLab demo;
    private volatile ClusterMonitor watcher;
    private volatile NodeControls controls = new NodeControls();
    private volatile boolean closed;

    public DemoLabSource(LabSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized List<SampleFeed> open() {
        demo = DemoLab.start(settings);
        if (closed) {
            demo.close();
            throw new IllegalStateException("The window closed while the demo lab was starting.");
        }
        Path migrations = DemoMigrations.write(demo.lab().dir().resolve("migrations"));
        ClusterDefinition cluster = LabInventory.of(demo.cluster()).withMigrations(Optional.of(migrations));
        long started = System.nanoTime();
        String outcome = DemoMigrations.applyFirst(cluster, demo.cluster().primary().name(),
                demo.lab().dir().resolve("migrations.jsonl")).map(r -> r.outcome().name()).orElse("not run");
        log.info("Demo migrations up to {}: {} in {} ms", DemoMigrations.APPLIED_AT_START, outcome,
                (System.nanoTime() - started) / 1_000_000);
        watcher = new ClusterMonitor(cluster, DefaultCollectors.all());
        controls = new NodeControls().register(watcher.cluster().name(), new LabNodeControl(demo.cluster()));
        watcher.start();
        return List.of(watcher);
    }

    /** The running demo, for drills and tests; null until {@link #open()} returns. */
    public DemoLab demoLab() {
        return demo;
    }

    /** The demo's servers run in this JVM: the lab's pg_ctl stops, starts and fences them. */
    @Override
    public NodeControls nodeControls() {
        return controls;
    }

    @Override
    public List<String> createdClusters() {
        ClusterMonitor w = watcher;
        return w == null ? List.of() : List.of(w.cluster().name());
    }

    @Override
    public String description() {
        DemoLab d = demo;
        return d == null ? "demo lab" : "Demo lab · " + d.lab().binaries().toString() + " · shop workload "
                + (int) dev.vigil.lab.workload.Workload.Settings.light().transactionsPerSecond() + " tx/s";
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (watcher != null) {
                watcher.close();
            }
            if (demo != null) {
                demo.close();
            }
        }
    }
}
