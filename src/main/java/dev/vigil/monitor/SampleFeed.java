package dev.vigil.monitor;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import java.util.function.Consumer;

/**
 * A stream of whole-cluster samples: what history, alerts and the window subscribe to. {@link ClusterMonitor} is
 * the real one; tests drive their own.
 */
public interface SampleFeed {
    ClusterDefinition cluster();

    MonitorConnectionSettings settings();

    /** The newest sample, without waiting for the next tick. */
    ClusterSample sample();

    /** Receives the current sample at once, then each new one (newest only), never on the caller's thread. */
    void subscribeSamples(Consumer<ClusterSample> subscriber);

    void unsubscribeSamples(Consumer<ClusterSample> subscriber);
}
