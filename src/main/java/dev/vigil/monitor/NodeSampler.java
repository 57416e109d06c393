package dev.vigil.monitor;

import dev.vigil.cluster.ConnectionFailure;
import dev.vigil.cluster.ConnectionFailures;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.lockwaits.RelationNameCache;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples one node: one task scheduled with a fixed delay, so there is never more than one sample in flight, on one
 * connection kept open between ticks. Each tick reads the node's status, then every collector that is due.
 * A failing collector is set aside with its reason and retried later. A failed tick makes the node late (its
 * last values kept, with their age) until {@link NodeHealth} says it is down; attempts at a down node back off
 * until it answers again.
 */
public final class NodeSampler implements AutoCloseable {
    static final Duration QUARANTINE = Duration.ofSeconds(60);
    static final Duration MAX_DOWN_BACKOFF = Duration.ofSeconds(30);

    private final String cluster;
    private final NodeEndpoint endpoint;
    private final MonitorConnectionSettings settings;
    private final List<Collector<?>> collectors;
    private final Consumer<NodeSample> publish;
    private final MonitorConnection connection;
    private final NodeHealth health;
    /** Names of tables in the node's other databases, for locks on them (read rarely, cached). */
    private final OtherDatabases otherDatabases;
    private final Map<String, Metric<?>> metrics = new HashMap<>();
    private final Map<String, Instant> quarantinedUntil = new HashMap<>();
    private long tick;
    /** From the last tick (0 before the first: the base SQL variants serve every supported version). */
    private int versionNum;
    private int downTicks;
    /** The newest status read whole from the node: what a late node still shows, greyed, with its age. */
    private NodeStatus lastGoodStatus;
    private Instant nextAttempt = Instant.MIN;
    private volatile ScheduledFuture<?> task;

    public NodeSampler(String cluster, NodeEndpoint endpoint, MonitorConnectionSettings settings,
                       List<Collector<?>> collectors, Consumer<NodeSample> publish) {
        this.cluster = cluster;
        this.endpoint = endpoint;
        this.settings = settings;
        this.collectors = List.copyOf(collectors);
        this.publish = publish;
        this.connection = new MonitorConnection(settings, endpoint);
        this.health = new NodeHealth(settings.downAfter(), settings.downAttempts());
        this.otherDatabases = RelationNameCache.of(settings, endpoint);
    }

    public synchronized void start(ScheduledExecutorService scheduler) {
        if (task == null) {
            // With a fixed delay, not rate: tick starts are at least an interval apart, which the server's
            // once-a-second statistics flush needs (see MonitorConnection.get), and a slow tick is never
            // followed by a burst.
            task = scheduler.scheduleWithFixedDelay(this::tickSafely, 0, settings.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A bug in one collector must not cancel this node's schedule (a thrown exception would).
            org.slf4j.LoggerFactory.getLogger(NodeSampler.class).error("Sampling {}/{} failed", cluster,
                    endpoint.name(), e);
        }
    }

    /** One tick; public for tests that drive ticks by hand. */
    public synchronized void tick() {
        Instant now = Instant.now();
        if (now.isBefore(nextAttempt)) {
            return;
        }
        tick++;
        long started = System.nanoTime();
        NodeStatus status;
        boolean wasOpen = connection.isOpen();
        try {
            status = sampleOnce(now, started);
        } catch (SQLException first) {
            SQLException failure = first;
            int attempts = 1;
            if (wasOpen && !connection.isOpen()) {
                // An open connection broke (a killed server, a restart, a blip): connect again at once, so a
                // refused connect says "down" in this tick and a blip costs no sample.
                try {
                    status = sampleOnce(now, started);
                    publishGood(now, status);
                    return;
                } catch (SQLException second) {
                    failure = second;
                    attempts = 2;
                }
            }
            status = failed(failure, attempts, Duration.ofNanos(System.nanoTime() - started));
            publish.accept(new NodeSample(cluster, endpoint.name(), tick, now, status, metrics));
            return;
        }
        publishGood(now, status);
    }

    private void publishGood(Instant now, NodeStatus status) {
        health.answered(status.sampledAt());
        lastGoodStatus = status;
        downTicks = 0;
        nextAttempt = Instant.MIN;
        publish.accept(new NodeSample(cluster, endpoint.name(), tick, now, status, metrics));
    }

    /** The node's status and every due collector, on the kept connection. */
    private NodeStatus sampleOnce(Instant now, long started) throws SQLException {
        try {
            Connection c = connection.get();
            List<Collector<?>> due = collectors.stream().filter(col -> isDue(col, now)).toList();
            List<Collector<?>> batched = due.stream().filter(col -> !col.batchable(versionNum).isEmpty()).toList();
            NodeStatus status = runBatch(c, batched, now, started);
            versionNum = status.versionNum();
            for (Collector<?> collector : due) {
                if (!batched.contains(collector) && !run(collector, c, versionNum, now)) {
                    throw new SQLException("connection lost during " + collector.name(), "08006");
                }
            }
            return status;
        } catch (SQLException e) {
            if (CollectorFailure.isNodeDown(e)) {
                connection.discard();
            }
            throw e;
        }
    }

    /** Late or down, as {@link NodeHealth} judges this failure; a down node's next attempts back off. */
    private NodeStatus failed(SQLException e, int attempts, Duration took) {
        ConnectionFailure failure = ConnectionFailures.classify(e, endpoint, settings.connectTimeout());
        Instant at = Instant.now();
        NodeHealth.Verdict verdict = health.failed(failure.kind(), attempts, at);
        Optional<NodeStatus> lastGood = Optional.ofNullable(lastGoodStatus);
        return switch (verdict) {
            case DOWN -> {
                downTicks++;
                nextAttempt = at.plus(downBackoff(downTicks));
                yield NodeStatus.down(endpoint, failure.message(), at, took, health.lastGoodAt());
            }
            case LATE -> lastGood.map(s -> s.late(failure.message()))
                    .orElseGet(() -> NodeStatus.stillConnecting(endpoint, failure.message(), at, took));
        };
    }

    private boolean isDue(Collector<?> collector, Instant now) {
        Instant until = quarantinedUntil.get(collector.name());
        if (until != null && now.isBefore(until)) {
            return false;
        }
        return tick % collector.everyTicks() == 1 % collector.everyTicks() || !metrics.containsKey(collector.name());
    }

    /**
     * The node's status and every batchable collector in one round trip. If the batch fails (one statement
     * aborts the rest), each is run alone, so the failing collector is found and set aside.
     */
    private NodeStatus runBatch(Connection c, List<Collector<?>> batched, Instant now, long started)
            throws SQLException {
        List<String> statements = new ArrayList<>(List.of(NodeStatusReader.sql()));
        List<Batch.Reader> readers = new ArrayList<>();
        NodeStatus[] status = new NodeStatus[1];
        readers.add(reader(1, results -> status[0] = NodeStatusReader.read(results.get(0), endpoint, started)));
        Map<String, Object> values = new HashMap<>();
        for (Collector<?> collector : batched) {
            List<String> own = collector.batchable(versionNum);
            statements.addAll(own);
            readers.add(reader(own.size(), results -> values.put(collector.name(), collector.read(results, versionNum))));
        }
        try {
            Batch.run(c, statements, readers);
        } catch (SQLException e) {
            if (CollectorFailure.isNodeDown(e)) {
                throw e;
            }
            status[0] = NodeStatusReader.read(c, endpoint, started);
            for (Collector<?> collector : batched) {
                if (!run(collector, c, status[0].versionNum(), now)) {
                    throw new SQLException("connection lost during " + collector.name(), "08006");
                }
            }
            return status[0];
        }
        for (Collector<?> collector : batched) {
            succeeded(collector, values.get(collector.name()), now);
        }
        return status[0];
    }

    private static Batch.Reader reader(int count, ResultsConsumer consumer) {
        return new Batch.Reader() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public void read(List<java.sql.ResultSet> results) throws SQLException {
                consumer.accept(results);
            }
        };
    }

    @FunctionalInterface
    private interface ResultsConsumer {
        void accept(List<java.sql.ResultSet> results) throws SQLException;
    }

    private void succeeded(Collector<?> collector, Object value, Instant now) {
        metrics.put(collector.name(), new Metric.Available<>(completed(collector, value), now));
        quarantinedUntil.remove(collector.name());
    }

    @SuppressWarnings("unchecked")
    private <T> T completed(Collector<T> collector, Object value) {
        return collector.complete((T) value, otherDatabases);
    }

    /** Runs one collector; false if the connection itself failed. */
    private boolean run(Collector<?> collector, Connection c, int versionNum, Instant now) {
        try {
            succeeded(collector, collectWithPrevious(collector, c, versionNum), now);
            return true;
        } catch (SQLException e) {
            CollectorFailure failure = CollectorFailure.of(collector, e);
            if (failure.nodeDown()) {
                return false;
            }
            Metric<?> previous = metrics.get(collector.name());
            Instant since = previous instanceof Metric.Unavailable<?> u ? u.since() : now;
            metrics.put(collector.name(), new Metric.Unavailable<>(failure.reason(), failure.fix(), since));
            quarantinedUntil.put(collector.name(), now.plus(QUARANTINE));
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T collectWithPrevious(Collector<T> collector, Connection c, int versionNum) throws SQLException {
        Optional<T> previous = metrics.get(collector.name()) instanceof Metric.Available<?> a
                ? Optional.of((T) a.value()) : Optional.empty();
        return collector.collect(c, versionNum, previous);
    }

    /** 1, 2, 4 ... intervals, at most {@link #MAX_DOWN_BACKOFF}: a dead node costs little, a revived one is seen soon. */
    Duration downBackoff(int failures) {
        long factor = 1L << Math.min(failures - 1, 10);
        Duration backoff = settings.interval().multipliedBy(factor);
        return backoff.compareTo(MAX_DOWN_BACKOFF) > 0 ? MAX_DOWN_BACKOFF : backoff;
    }

    public NodeEndpoint endpoint() {
        return endpoint;
    }

    /** Not synchronized with a tick: closing the connection ends a tick that waits on it. */
    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
        connection.close();
    }
}
