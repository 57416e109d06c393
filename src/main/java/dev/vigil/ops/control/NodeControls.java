package dev.vigil.ops.control;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.RunningLabs;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which {@link NodeControl} serves each cluster: one registered by whoever runs the cluster (a lab in this
 * JVM), else, for a {@code lab:<name>} cluster of a lab running on this machine, that lab's pg_ctl, else what
 * clusters.yaml configures, else none.
 */
public final class NodeControls {
    private final Map<String, NodeControl> registered = new ConcurrentHashMap<>();
    private final Optional<Path> labBase;

    public NodeControls() {
        this(Optional.empty());
    }

    private NodeControls(Optional<Path> labBase) {
        this.labBase = labBase;
    }

    /**
     * Also serves the {@code lab:<name>} clusters of labs under {@code labBase} that another process started
     * ({@code vigil lab up}): their servers are controlled without this process owning the lab.
     */
    public static NodeControls withRunningLabs(Path labBase) {
        return new NodeControls(Optional.of(labBase));
    }

    public NodeControls register(String cluster, NodeControl control) {
        registered.put(cluster, control);
        return this;
    }

    /** The control for {@code cluster}, found when first used: safe to call where no I/O may happen. */
    public NodeControl forCluster(ClusterDefinition cluster) {
        NodeControl own = registered.get(cluster.name());
        return own != null ? own : new DeferredNodeControl(() -> find(cluster));
    }

    private NodeControl find(ClusterDefinition cluster) {
        NodeControl own = registered.get(cluster.name());
        if (own != null) {
            return own;
        }
        if (labBase.isPresent() && cluster.name().startsWith(LabInventory.PREFIX)) {
            return runningLab(cluster).orElseGet(() -> NoNodeControl.because("Vigil cannot act on the servers of "
                    + cluster.name() + ": its lab was started by an older Vigil, or its files are not readable by this "
                    + "user; restart it with this version (vigil lab up)"));
        }
        return CommandNodeControl.of(cluster);
    }

    private Optional<NodeControl> runningLab(ClusterDefinition cluster) {
        if (labBase.isEmpty() || !cluster.name().startsWith(LabInventory.PREFIX)) {
            return Optional.empty();
        }
        Map<String, Integer> ports = cluster.nodes().stream()
                .collect(Collectors.toMap(NodeEndpoint::name, NodeEndpoint::port, (a, b) -> a));
        return RunningLabs.cluster(labBase.get(), LabInventory.labClusterName(cluster.name()), ports)
                .map(LabNodeControl::new);
    }
}
