package dev.vigil.monitor;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.database.DatabaseWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Monitors one cluster: a {@link NodeSampler} per node on a small shared scheduler (a slow node delays only
 * itself), and subscribers fed from their own mailbox thread, so no subscriber can block a sampler.
 */
public final class ClusterMonitor implements SampleFeed, AutoCloseable {
    private final ClusterDefinition cluster;
    private final MonitorConnectionSettings settings;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService delivery;
    /** Its own thread: it must run while every sampler thread waits on a node that does not answer. */
    private final ScheduledExecutorService lateness;
    private final List<NodeSampler> samplers = new ArrayList<>();
    private final AtomicReferenceArray<NodeSample> latest;
    private final List<LatestValueMailbox<ClusterSample>> sampleSubscribers = new CopyOnWriteArrayList<>();
    private boolean started;

    /** Samples {@code cluster} at its own interval ({@link ClusterDefinition#monitorSettings()}). */
    public ClusterMonitor(ClusterDefinition cluster, List<Collector<?>> collectors) {
        this(cluster, cluster.monitorSettings(), collectors);
    }

    /**
     * With other connection settings (a shorter connect timeout, say). The interval lives in the cluster's
     * definition, so settings for another interval are refused rather than silently winning over it.
     */
    public ClusterMonitor(ClusterDefinition cluster, MonitorConnectionSettings settings, List<Collector<?>> collectors) {
        if (!settings.interval().equals(cluster.interval())) {
            throw new IllegalArgumentException("Cluster " + cluster.name() + " is sampled every "
                    + cluster.interval().toMillis() + " ms by its definition, but the monitor settings say "
                    + settings.interval().toMillis() + " ms: build the settings from the definition "
                    + "(ClusterDefinition.monitorSettings()).");
        }
        this.cluster = cluster;
        this.settings = settings;
        this.latest = new AtomicReferenceArray<>(cluster.nodes().size());
        AtomicInteger threadNo = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(Math.min(4, Math.max(1, cluster.nodes().size())), r -> {
            Thread t = new Thread(r, "vigil-sample-" + cluster.name() + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-deliver-" + cluster.name());
            t.setDaemon(true);
            return t;
        });
        this.lateness = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-late-" + cluster.name());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < cluster.nodes().size(); i++) {
            NodeEndpoint endpoint = cluster.nodes().get(i);
            int index = i;
            latest.set(i, new NodeSample(cluster.name(), endpoint.name(), 0, Instant.now(),
                    NodeStatus.connecting(endpoint), Map.of()));
            samplers.add(new NodeSampler(cluster.name(), endpoint, settings, collectors, sample -> {
                // Each tick carries its node's rate window, built once here for every view, alert and command.
                latest.set(index, DatabaseWindow.attach(Optional.ofNullable(latest.get(index)), sample,
                        DatabaseWindow.DEFAULT_SPAN));
                publish();
            }));
        }
    }

    public synchronized void start() {
        if (!started) {
            started = true;
            samplers.forEach(s -> s.start(scheduler));
            long every = Math.max(100, settings.interval().toMillis() / 2);
            lateness.scheduleWithFixedDelay(this::markOverdue, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * An up node whose newest sample is overdue (its sampler waits on it) turns late at once, without waiting
     * for the sampler: its values are then old, and no view may show them as live.
     */
    void markOverdue() {
        Instant now = Instant.now();
        boolean changed = false;
        for (int i = 0; i < latest.length(); i++) {
            NodeSample s = latest.get(i);
            java.time.Duration age = java.time.Duration.between(s.status().sampledAt(), now);
            if (s.status().isUp() && age.compareTo(settings.lateAfter()) > 0) {
                NodeSample late = new NodeSample(s.cluster(), s.node(), s.tick(), s.at(), s.status().late(String.format(
                        java.util.Locale.ROOT, "no answer for %.1f s (sampling every %.1f s): the newest sample is overdue",
                        age.toMillis() / 1000.0, settings.interval().toMillis() / 1000.0)), s.metrics());
                changed |= latest.compareAndSet(i, s, late);
            }
        }
        if (changed) {
            publish();
        }
    }

    @Override
    public ClusterSample sample() {
        List<NodeSample> nodes = new ArrayList<>(latest.length());
        for (int i = 0; i < latest.length(); i++) {
            nodes.add(latest.get(i));
        }
        return new ClusterSample(cluster.name(), nodes, Instant.now());
    }

    /** Receives the current sample at once, then each new one (newest only), on a delivery thread. */
    @Override
    public void subscribeSamples(Consumer<ClusterSample> subscriber) {
        LatestValueMailbox<ClusterSample> mailbox = new LatestValueMailbox<>(delivery, subscriber);
        sampleSubscribers.add(mailbox);
        mailbox.offer(sample());
    }

    @Override
    public void unsubscribeSamples(Consumer<ClusterSample> subscriber) {
        sampleSubscribers.removeIf(m -> m.subscriber() == subscriber);
    }

    private void publish() {
        ClusterSample sample = sample();
        sampleSubscribers.forEach(m -> m.offer(sample));
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
    public synchronized void close() {
        samplers.forEach(NodeSampler::close);
        lateness.shutdownNow();
        scheduler.shutdownNow();
        delivery.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
