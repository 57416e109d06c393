package dev.vigil.ui.common;

import dev.vigil.monitor.SampleFeed;
import dev.vigil.ops.control.NodeControls;
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

    /**
     * How switchover, failover and rejoin stop, start and fence each cluster's servers: a lab this source runs
     * registers its own; other clusters get what their inventory configures. Asked after {@link #open()}.
     */
    default NodeControls nodeControls() {
        return new NodeControls();
    }

    /** Clusters {@link #open()} created afresh (a demo lab): nothing recorded about an earlier namesake applies. */
    default List<String> createdClusters() {
        return List.of();
    }

    /** What is wrong with the inventory, each naming {@code file:line}: the window's banner lists them. */
    default List<dev.vigil.cluster.InventoryProblem> inventoryProblems() {
        return List.of();
    }

    /** The configuration file to watch for changes, if the source reads one. */
    default java.util.Optional<java.nio.file.Path> inventoryFile() {
        return java.util.Optional.empty();
    }

    /** What a reload changed: clusters no longer watched (or watched anew, changed) and new feeds. */
    record Reloaded(List<String> removed, List<SampleFeed> added) {
        public Reloaded {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }
    }

    /** Reads the inventory again; blocks (files, new monitors), so call it off the FX thread. */
    default Reloaded reload() throws Exception {
        return new Reloaded(List.of(), List.of());
    }

    /** One line for the status bar: what is being watched. */
    String description();

    @Override
    void close();
}
