package dev.vigil.ui;

import dev.vigil.cluster.ClusterFeed;
import java.util.List;

/** Where the window's clusters come from. {@link #open()} blocks (it may start servers); call it off the FX thread. */
public interface ClusterSource extends AutoCloseable {

    /** Opens the source and returns a live feed per cluster. */
    List<ClusterFeed> open() throws Exception;

    /** One line for the status bar: what is being watched. */
    String description();

    @Override
    void close();
}
