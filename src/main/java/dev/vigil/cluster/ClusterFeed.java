package dev.vigil.cluster;

import java.util.function.Consumer;

/** A stream of whole-cluster snapshots that views subscribe to. */
public interface ClusterFeed {
    ClusterDefinition cluster();

    MonitorConnectionSettings settings();

    /** The newest snapshot, without waiting for the next tick. */
    ClusterStatus snapshot();

    /** Receives the current snapshot at once, then every new one, on the feed's own threads. */
    void subscribe(Consumer<ClusterStatus> subscriber);

    void unsubscribe(Consumer<ClusterStatus> subscriber);
}
