package dev.vigil.bench.ui;

import dev.vigil.monitor.SampleFeed;
import dev.vigil.ui.common.ClusterSource;
import java.util.List;

/** A window source that watches one synthetic cluster, ticked by the bench. */
final class SyntheticSource implements ClusterSource {
    private final SyntheticCluster cluster;
    private final String description;

    SyntheticSource(SyntheticCluster cluster, String description) {
        this.cluster = cluster;
        this.description = description;
    }

    @Override
    public List<SampleFeed> open() {
        return List.of(cluster);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        // nothing runs: the bench ticks the cluster
    }
}
