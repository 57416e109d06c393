package dev.vigil.ui.shell;

import dev.vigil.monitor.SampleFeed;
import dev.vigil.ops.control.NodeControls;
import java.util.List;

/**
 * A {@link dev.vigil.ui.common.ClusterSource} of one {@link FakeFeed}, with a node control of its own (as a lab
 * source has) and, if a test says so, clusters it "created" afresh or a failure to open.
 */
public final class FakeSource implements dev.vigil.ui.common.ClusterSource {
    public final FakeFeed feed = new FakeFeed();
    public final NodeControls controls = new NodeControls();
    public List<String> created = List.of();
    RuntimeException failure;
    boolean closed;

    @Override
    public List<SampleFeed> open() {
        if (failure != null) {
            throw failure;
        }
        return List.of(feed);
    }

    @Override
    public String description() {
        return "fake";
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public NodeControls nodeControls() {
        return controls;
    }

    @Override
    public List<String> createdClusters() {
        return created;
    }
}
