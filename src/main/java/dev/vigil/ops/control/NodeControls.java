package dev.vigil.ops.control;

import dev.vigil.cluster.ClusterDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which {@link NodeControl} serves each cluster: one registered by whoever runs the cluster (a lab in this
 * JVM), else what clusters.yaml configures, else none.
 */
public final class NodeControls {
    private final Map<String, NodeControl> registered = new ConcurrentHashMap<>();

    public NodeControls register(String cluster, NodeControl control) {
        registered.put(cluster, control);
        return this;
    }

    public NodeControl forCluster(ClusterDefinition cluster) {
        NodeControl own = registered.get(cluster.name());
        return own != null ? own : CommandNodeControl.of(cluster);
    }
}
