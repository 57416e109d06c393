package dev.vigil.ui.shell;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.SampleFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A two-node "demo" feed (pg1 primary, pg2 its standby) that a test drives by hand. It delivers on the caller's
 * thread, which is fine without a toolkit. Shared by the window's view-model tests in ui.shell and ui.replication.
 */
public final class FakeFeed implements SampleFeed {
    public static final NodeEndpoint PG1 = new NodeEndpoint("pg1", "127.0.0.1", 1, "postgres", "m", "p");
    public static final NodeEndpoint PG2 = new NodeEndpoint("pg2", "127.0.0.1", 2, "postgres", "m", "p");

    final List<Consumer<ClusterSample>> subscribers = new CopyOnWriteArrayList<>();
    ClusterDefinition definition = new ClusterDefinition("demo", List.of(PG1, PG2));
    ClusterSample current = sample(Instant.EPOCH, 0, NodeStatus.connecting(PG1), NodeStatus.connecting(PG2));
    private long tick;

    public void publish(ClusterSample next) {
        current = next;
        subscribers.forEach(s -> s.accept(next));
    }

    /** The next tick, now: pg1 up as primary, pg2 up as its standby or down with "Connection refused". */
    public void publishUp(boolean pg2Up) {
        Instant at = Instant.now();
        tick++;
        publish(sample(at, tick, up(PG1, at), pg2Up ? up(PG2, at) : NodeStatus.down(PG2, "Connection refused", at, Duration.ZERO)));
    }

    /** {@code node} up: pg1 as the primary, any other as a standby streaming from pg1. */
    public static NodeStatus up(NodeEndpoint node, Instant at) {
        boolean primary = node.name().equals("pg1");
        return new NodeStatus(node.name(), node.address(), NodeStatus.Reachability.UP, "", "17.6", 170006,
                !primary, primary ? Optional.empty() : Optional.of(PG1.address()),
                primary ? Optional.empty() : Optional.of("streaming"), Optional.of(1), Optional.empty(), Optional.empty(),
                Optional.of(at), at, Duration.ofMillis(2));
    }

    /** A "demo" sample of the given node states, without metrics. */
    public static ClusterSample sample(Instant at, long tick, NodeStatus... nodes) {
        return new ClusterSample("demo", Arrays.stream(nodes)
                .map(n -> new NodeSample("demo", n.node(), tick, at, n, Map.of())).toList(), at);
    }

    // The rest is SampleFeed's plumbing, written as SyntheticCluster (bench) writes it: the interface has no base
    // class in src/main to share, and a test may not add one there.

    @Override
    public ClusterDefinition cluster() {
        return definition;
    }

    @Override
    public MonitorConnectionSettings settings() {
        return definition.monitorSettings();
    }

    @Override
    public ClusterSample sample() {
        return current;
    }

    @Override
    public void subscribeSamples(Consumer<ClusterSample> subscriber) {
        subscribers.add(subscriber);
        subscriber.accept(current);
    }

    @Override
    public void unsubscribeSamples(Consumer<ClusterSample> subscriber) {
        subscribers.remove(subscriber);
    }
}
