package dev.vigil.lab;

import dev.vigil.lab.workload.Workload;

/**
 * The embedded default: a lab cluster named {@code demo} (a primary and two standbys) with a light shop
 * workload, so a newcomer sees a live cluster with no setup.
 */
public final class DemoLab implements AutoCloseable {
    public static final String CLUSTER = "demo";
    private final Lab lab;
    private final LabCluster cluster;
    private final Workload workload;

    private DemoLab(Lab lab, LabCluster cluster, Workload workload) {
        this.lab = lab;
        this.cluster = cluster;
        this.workload = workload;
    }

    public static DemoLab start(LabSettings settings) {
        Lab lab = Lab.open(settings);
        try {
            LabCluster cluster = lab.createCluster(CLUSTER, 2);
            return new DemoLab(lab, cluster, Workload.start(cluster, Workload.Settings.light()));
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public Lab lab() {
        return lab;
    }

    public LabCluster cluster() {
        return cluster;
    }

    public Workload workload() {
        return workload;
    }

    @Override
    public void close() {
        workload.close();
        lab.close();
    }
}
