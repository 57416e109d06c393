package dev.vigil.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Watches the nodes of one cluster: one repeating task per node, scheduled with a fixed delay so a node never
 * has two probes in flight and a slow node delays only itself. After each probe, subscribers receive the
 * whole cluster as an immutable {@link ClusterStatus}.
 */
public final class ClusterWatcher implements ClusterFeed, AutoCloseable {
    private final ClusterDefinition cluster;
    private final MonitorConnectionSettings settings;
    private final ScheduledExecutorService scheduler;
    private final List<NodeStatusProbe> probes = new ArrayList<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AtomicReferenceArray<NodeStatus> latest;
    private final List<Consumer<ClusterStatus>> subscribers = new CopyOnWriteArrayList<>();

    public ClusterWatcher(ClusterDefinition cluster, MonitorConnectionSettings settings) {
        this.cluster = cluster;
        this.settings = settings;
        this.latest = new AtomicReferenceArray<>(cluster.nodes().size());
        AtomicInteger threadNo = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(Math.min(4, cluster.nodes().size()), r -> {
            Thread t = new Thread(r, "vigil-watch-" + cluster.name() + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < cluster.nodes().size(); i++) {
            latest.set(i, NodeStatus.connecting(cluster.nodes().get(i)));
        }
    }

    @Override
    public ClusterDefinition cluster() {
        return cluster;
    }

    @Override
    public MonitorConnectionSettings settings() {
        return settings;
    }

    @Override
    public void subscribe(Consumer<ClusterStatus> subscriber) {
        subscribers.add(subscriber);
        subscriber.accept(snapshot());
    }

    @Override
    public void unsubscribe(Consumer<ClusterStatus> subscriber) {
        subscribers.remove(subscriber);
    }

    public synchronized void start() {
        if (!tasks.isEmpty()) {
            return;
        }
        for (int i = 0; i < cluster.nodes().size(); i++) {
            int index = i;
            NodeStatusProbe probe = new NodeStatusProbe(cluster.name(), cluster.nodes().get(i), settings);
            probes.add(probe);
            tasks.add(scheduler.scheduleWithFixedDelay(() -> {
                latest.set(index, probe.probe());
                publish();
            }, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public ClusterStatus snapshot() {
        List<NodeStatus> nodes = new ArrayList<>(latest.length());
        for (int i = 0; i < latest.length(); i++) {
            nodes.add(latest.get(i));
        }
        return new ClusterStatus(cluster.name(), nodes, Instant.now());
    }

    private void publish() {
        ClusterStatus status = snapshot();
        for (Consumer<ClusterStatus> s : subscribers) {
            try {
                s.accept(status);
            } catch (RuntimeException e) {
                // A failing subscriber must not stop the sampling of this node.
                org.slf4j.LoggerFactory.getLogger(ClusterWatcher.class).warn("Subscriber failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        tasks.forEach(t -> t.cancel(false));
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        probes.forEach(NodeStatusProbe::close);
    }
}
