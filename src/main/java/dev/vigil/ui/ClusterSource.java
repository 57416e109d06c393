package dev.vigil.ui;

import dev.vigil.monitor.SampleFeed;
import java.util.List;
import java.util.Map;

/** Where the window's clusters come from. {@link #open()} blocks (it may start servers); call it off the FX thread. */
public interface ClusterSource extends AutoCloseable {

    /** Opens the source and returns a live feed per cluster. */
    List<SampleFeed> open() throws Exception;

    /** The inventory's {@code alerts:} overrides of the default thresholds (none by default). */
    default Map<String, Double> alertOverrides() {
        return Map.of();
    }

    /** One line for the status bar: what is being watched. */
    String description();

    @Override
    void close();
}
