package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.ops.workflow.WorkflowContext;
import java.time.Duration;

/**
 * The cluster as the checks of one round see it: read once, shared by the checks that follow within a second,
 * so a round of a dozen prechecks costs one read per node, and a re-check after confirmation reads afresh.
 */
final class LiveReading {
    private static final Duration FRESH = Duration.ofSeconds(1);
    private final ClusterDefinition cluster;
    private ClusterReading last;
    private long readAtNanos;

    LiveReading(ClusterDefinition cluster) {
        this.cluster = cluster;
    }

    synchronized ClusterReading now(WorkflowContext context) {
        if (last == null || System.nanoTime() - readAtNanos > FRESH.toNanos()) {
            last = ReplicationReads.readCluster(cluster, context);
            readAtNanos = System.nanoTime();
        }
        return last;
    }

    /** Reads now, whatever the last read's age: the planning read, which the first round of checks then shares. */
    synchronized ClusterReading fresh(WorkflowContext context) {
        last = ReplicationReads.readCluster(cluster, context);
        readAtNanos = System.nanoTime();
        return last;
    }
}
