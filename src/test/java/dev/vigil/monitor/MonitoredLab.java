package dev.vigil.monitor;

import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A lab cluster watched by a {@link ClusterMonitor} with the collectors a test chooses and the default connection
 * settings. The monitor is not started, so the test subscribes first and misses no sample; closing stops the
 * monitor, then the lab. Open it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
record MonitoredLab(Lab lab, LabCluster cluster, ClusterMonitor monitor) implements AutoCloseable {
    /** Cluster {@code name} of a primary and {@code standbys} standbys on {@code pgBin} (empty: the lab's default). */
    static MonitoredLab open(Optional<Path> pgBin, String name, int standbys, List<Collector<?>> collectors) {
        Lab lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin.orElse(null)));
        try {
            LabCluster cluster = lab.createCluster(name, standbys);
            return new MonitoredLab(lab, cluster, new ClusterMonitor(LabInventory.of(cluster),
                    MonitorConnectionSettings.defaults(), collectors));
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } finally {
            lab.close();
        }
    }
}
