package dev.vigil.cluster;

import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;

/** A running lab cluster as an inventory entry, watched through the least-privileged monitor role. */
public final class LabInventory {
    private LabInventory() {}

    public static ClusterDefinition of(LabCluster cluster) {
        return new ClusterDefinition(cluster.name(), cluster.nodes().stream()
                .map(n -> new NodeEndpoint(n.name(), n.host(), n.port(), "postgres", LabCredentials.MONITOR_USER,
                        cluster.credentials().monitorPassword()))
                .toList());
    }
}
