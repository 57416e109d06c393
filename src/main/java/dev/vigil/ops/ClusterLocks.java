package dev.vigil.ops;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One mutating workflow per cluster in this engine; the second is told which one holds the cluster. */
final class ClusterLocks {
    private final ConcurrentMap<String, RunningWorkflow> held = new ConcurrentHashMap<>();

    /** Takes the cluster for {@code run}; if another holds it, that one is returned and nothing is taken. */
    Optional<RunningWorkflow> tryTake(RunningWorkflow run) {
        return Optional.ofNullable(held.putIfAbsent(run.cluster(), run));
    }

    void release(RunningWorkflow run) {
        held.remove(run.cluster(), run);
    }

    Optional<RunningWorkflow> holder(String cluster) {
        return Optional.ofNullable(held.get(cluster));
    }
}
