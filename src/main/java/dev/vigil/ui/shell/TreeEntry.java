package dev.vigil.ui.shell;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;

/**
 * A row of the cluster tree: a cluster, or one of its nodes (with its cluster, to name its upstream, and whether
 * a failover fenced it).
 */
public sealed interface TreeEntry {
    String key();

    record ClusterEntry(ClusterStatus cluster) implements TreeEntry {
        @Override
        public String key() {
            return cluster.cluster();
        }
    }

    record NodeEntry(ClusterStatus cluster, NodeStatus node, boolean fenced) implements TreeEntry {
        @Override
        public String key() {
            return cluster.cluster() + "/" + node.node();
        }
    }
}
