package dev.vigil.bench.ui;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.activity.WaitProfile;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.WaitingLock;
import dev.vigil.monitor.replication.ReceiverState;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import dev.vigil.monitor.replication.StandbyLink;
import dev.vigil.monitor.statements.StatementCounters;
import dev.vigil.monitor.statements.StatementKey;
import dev.vigil.monitor.statements.StatementsSnapshot;
import dev.vigil.sql.Lsn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A 3-node cluster made of numbers, for measuring the window without servers: a primary with a chosen number of
 * sessions, pg_stat_statements entries and lock waiters, and two streaming standbys. Each {@link #tick} makes
 * the next second's sample (time is simulated, so an hour of history takes seconds) and hands it to subscribers
 * on the caller's thread. By default every tick carries a fresh statements read: the worst case for the Queries view.
 */
public final class SyntheticCluster implements SampleFeed {
    private static final String[] WAITS = {"", "", "", "IO", "LWLock", "Client"};
    private final ClusterDefinition definition;
    private final int sessions;
    private final int statements;
    private final int lockWaiters;
    private final int statementsEvery;
    private final List<Consumer<ClusterSample>> subscribers = new CopyOnWriteArrayList<>();
    private final Map<Long, String> texts = new HashMap<>();
    private Instant now;
    private long tick;
    private ClusterSample current;
    private StatementsSnapshot lastStatements;

    public SyntheticCluster(int sessions, int statements, int lockWaiters, Instant start) {
        this(sessions, statements, lockWaiters, 1, start);
    }

    /**
     * The same, with pg_stat_statements read every {@code statementsEvery} ticks, as the monitor does (30 by
     * default); between reads a sample carries the last read, as the monitor's samples do.
     */
    public SyntheticCluster(int sessions, int statements, int lockWaiters, int statementsEvery, Instant start) {
        this.definition = new ClusterDefinition("synthetic", List.of(
                new NodeEndpoint("pg1", "127.0.0.1", 5001, "shop", "vigil_monitor", ""),
                new NodeEndpoint("pg2", "127.0.0.1", 5002, "shop", "vigil_monitor", ""),
                new NodeEndpoint("pg3", "127.0.0.1", 5003, "shop", "vigil_monitor", "")));
        this.sessions = sessions;
        this.statements = statements;
        this.lockWaiters = lockWaiters;
        this.statementsEvery = Math.max(1, statementsEvery);
        this.now = start;
        for (long id = 1; id <= statements; id++) {
            texts.put(id, "SELECT o.id, o.total FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id"
                    + " WHERE o.status = $1 AND c.region = $2 /* variant " + id + " */");
        }
        this.current = make();
    }

    /** The next second: a new sample for every node, delivered to subscribers. */
    public ClusterSample tick() {
        tick++;
        now = now.plusSeconds(1);
        current = make();
        subscribers.forEach(s -> s.accept(current));
        return current;
    }

    private ClusterSample make() {
        return new ClusterSample("synthetic", List.of(primary(), standby("pg2", 5002), standby("pg3", 5003)), now);
    }

    private NodeSample primary() {
        NodeStatus status = new NodeStatus("pg1", "127.0.0.1:5001", NodeStatus.Reachability.UP, "", "17.6", 170006,
                false, Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(),
                Optional.of(new Lsn(0x3000000L + tick * 64 * 1024)), Optional.of(now.minusSeconds(86_400)), now,
                Duration.ofMillis(2));
        Map<String, Metric<?>> metrics = new LinkedHashMap<>();
        List<SessionActivity> activity = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            int pid = 10_000 + i;
            boolean waiting = i < lockWaiters;
            String state = waiting || i % 4 == 0 ? "active" : i % 10 == 1 ? "idle in transaction" : "idle";
            String wait = waiting ? "Lock" : "active".equals(state) ? WAITS[(int) ((i + tick) % WAITS.length)] : "Client";
            Instant start = now.minusMillis(500L * (i % 120) + 10);
            activity.add(new SessionActivity(pid, i % 7 == 0 ? "report" : "app", "shop", "shop-api-" + (i % 5),
                    "10.0.0." + (i % 250), "client backend", state, wait, wait.isEmpty() ? "" : "relation",
                    Optional.of(start.minusSeconds(60)), Optional.of(start), Optional.of(start), Optional.of(start),
                    Optional.empty(), "UPDATE shop.orders SET status = 'paid' WHERE id = " + pid, now));
        }
        metrics.put("activity", new Metric.Available<>(new ActivitySnapshot(now, activity, WaitProfile.of(activity)), now));
        metrics.put("locks", new Metric.Available<>(locks(), now));
        metrics.put("database", new Metric.Available<>(new DatabaseCounters(now, 200 * tick, 2 * tick, 9000 * tick,
                3000 * tick, 100 * tick, 80 * tick, 5 * tick, 99_000 * tick, 500 * tick, 0, 0, 0, Optional.empty(),
                sessions, sessions + 100), now));
        metrics.put("replication", new Metric.Available<>(new ReplicationSnapshot(now,
                List.of(link("pg2", 0), link("pg3", (tick % 60) * 65_536)), List.of(), Optional.empty()), now));
        if (lastStatements == null || tick % statementsEvery == 0) {
            lastStatements = statements();
        }
        metrics.put("statements", new Metric.Available<>(lastStatements, lastStatements.at()));
        return new NodeSample("synthetic", "pg1", tick, now, status, metrics);
    }

    /** Root blockers each holding up a small tree: waiter i waits on an earlier session of its tree. */
    private LockSnapshot locks() {
        List<LockSession> list = new ArrayList<>();
        int perTree = 15;
        for (int i = 0; i < lockWaiters; i++) {
            int pid = 10_000 + i;
            int inTree = i % perTree;
            List<Integer> blockedBy = inTree == 0 ? List.of() : List.of(pid - (inTree <= 4 ? inTree : inTree - 4));
            list.add(new LockSession(pid, blockedBy, "app", "shop", "shop-api", "active", inTree == 0 ? "" : "Lock",
                    inTree == 0 ? "" : "relation", Optional.of(now.minusSeconds(30)), Optional.of(now.minusSeconds(20)),
                    "ALTER TABLE shop.orders ADD COLUMN note text", inTree == 0 ? Optional.empty()
                    : Optional.of(new WaitingLock("relation", "AccessExclusiveLock", Optional.of("shop.orders"),
                    Optional.of(now.minusSeconds(inTree))))));
        }
        return new LockSnapshot(now, list);
    }

    private StatementsSnapshot statements() {
        Map<StatementKey, StatementCounters> entries = new HashMap<>(statements * 2);
        for (long id = 1; id <= statements; id++) {
            long calls = tick * (1 + id % 13);
            entries.put(new StatementKey(10, 1, id, true), new StatementCounters(calls, calls * (0.2 + id % 7),
                    calls, calls * 40, calls, id % 50 == 0 ? calls : 0, calls * 120));
        }
        return new StatementsSnapshot(now, entries, texts, Optional.empty(), Optional.empty());
    }

    private StandbyLink link(String name, long lag) {
        return new StandbyLink(100, name, "127.0.0.1", "streaming", "async", Optional.of(Lsn.parse("0/3000000")),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, lag / 3, lag / 2, lag, Optional.of(0.001),
                Optional.of(0.002), Optional.of(lag == 0 ? 0.0 : lag / 1e6), Optional.of(now));
    }

    private NodeSample standby(String name, int port) {
        NodeStatus status = new NodeStatus(name, "127.0.0.1:" + port, NodeStatus.Reachability.UP, "", "17.6", 170006,
                true, Optional.of("127.0.0.1:5001"), Optional.of("streaming"), Optional.of(1), Optional.of(0L),
                Optional.empty(), Optional.of(now.minusSeconds(86_000)), now, Duration.ofMillis(2));
        ReceiverState receiver = new ReceiverState(Optional.of("streaming"), Optional.of("127.0.0.1"), Optional.of(5001),
                Optional.of(1), Optional.of(now), Optional.empty(), Optional.empty(), Optional.of(0L), false,
                Optional.of(now), Optional.of(0.0));
        return new NodeSample("synthetic", name, tick, now, status, Map.of("replication", new Metric.Available<>(
                new ReplicationSnapshot(now, List.of(), List.of(), Optional.of(receiver)), now)));
    }

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
