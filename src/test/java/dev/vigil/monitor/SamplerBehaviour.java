package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.Workload;
import dev.vigil.monitor.activity.ActivityCollector;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.database.DatabaseCollector;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.database.DatabaseRates;
import dev.vigil.monitor.history.ClusterHistory;
import dev.vigil.monitor.history.HistoryPoints;
import dev.vigil.monitor.history.Series;
import dev.vigil.monitor.lockwaits.LockWaitCollector;
import dev.vigil.monitor.replication.ReceiverState;
import dev.vigil.monitor.replication.ReplicationCollector;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import dev.vigil.monitor.replication.SlotState;
import dev.vigil.monitor.replication.StandbyLink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The sampler against real servers: what it reads, what it survives. Subclasses choose the binaries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SamplerBehaviour {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ActivityCollector ACTIVITY = new ActivityCollector();
    private static final DatabaseCollector DATABASE = new DatabaseCollector();
    private static final ReplicationCollector REPLICATION = new ReplicationCollector();
    /**
     * Needs superuser: the monitor role gets 42501. It is batchable, so its failure aborts the tick's shared round
     * trip; the sampler must fall back, set it aside, and still deliver every other collector.
     */
    private static final Collector<String> NEEDS_SUPERUSER = new Collector<>() {
        @Override
        public String name() {
            return "needs-superuser";
        }

        @Override
        public List<String> batchable(int serverVersionNum) {
            return List.of("SELECT pg_catalog.pg_read_file('postmaster.pid')");
        }

        @Override
        public String read(List<java.sql.ResultSet> results, int serverVersionNum) throws SQLException {
            results.get(0).next();
            return results.get(0).getString(1);
        }

        @Override
        public String collect(Connection connection, int serverVersionNum) throws SQLException {
            try (Statement st = connection.createStatement();
                 var rs = st.executeQuery(batchable(serverVersionNum).get(0))) {
                return read(List.of(rs), serverVersionNum);
            }
        }
    };

    private MonitoredLab lab;
    private LabCluster cluster;
    private ClusterMonitor monitor;
    private ClusterHistory history;
    private final List<ClusterSample> samples = new CopyOnWriteArrayList<>();

    abstract Optional<Path> pgBin();

    @BeforeAll
    void start() {
        lab = MonitoredLab.open(pgBin(), "sampled", 1,
                List.of(ACTIVITY, DATABASE, REPLICATION, new LockWaitCollector(), NEEDS_SUPERUSER));
        cluster = lab.cluster();
        monitor = lab.monitor();
        monitor.subscribeSamples(samples::add);
        history = new ClusterHistory(monitor, ClusterHistory.DEFAULT_SPAN);
        history.start();
        monitor.start();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    /** The first recorded pg2 sample, from index {@code seen} on, that is not up. */
    private java.util.Optional<NodeSample> firstDownSince(int seen) {
        return notUpSince(seen).stream().filter(n -> n.status().isDown()).findFirst();
    }

    private List<NodeSample> notUpSince(int seen) {
        // A copy: a sub-list of a CopyOnWriteArrayList is a live view that fails when the sampler appends.
        List<ClusterSample> copy = List.copyOf(samples);
        return copy.subList(Math.min(seen, copy.size()), copy.size()).stream()
                .flatMap(s -> s.node("pg2").stream()).filter(n -> !n.status().isUp()).toList();
    }

    private NodeSample latest(String node) {
        return monitor.sample().node(node).orElseThrow();
    }

    @Test
    @Order(1)
    void activityShowsSessionsAndTheWaitProfileCountsActiveOnes() throws Exception {
        try (Connection sleeper = cluster.primary().connect(LabCluster.DATABASE);
             Connection idle = cluster.primary().connect(LabCluster.DATABASE)) {
            idle.setAutoCommit(false);
            execute(idle, "SELECT 1");
            CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> execute(sleeper, "SELECT pg_sleep(5)"));
            Waits.until(WAIT, "the sleeping session in the wait profile", () -> activity("pg1")
                    .map(a -> a.waitProfile().activeByWaitClass().getOrDefault("Timeout", 0) >= 1).orElse(false));
            ActivitySnapshot a = activity("pg1").orElseThrow();
            assertThat(a.sessions()).anySatisfy(s -> {
                assertThat(s.query()).contains("pg_sleep");
                assertThat(s.waitEvent()).isEqualTo("PgSleep");
                assertThat(s.user()).isEqualTo("postgres");
                assertThat(s.database()).isEqualTo(LabCluster.DATABASE);
            });
            assertThat(a.idleInTransaction()).isGreaterThanOrEqualTo(1);
            assertThat(a.sessions()).noneMatch(s -> s.application().equals("vigil-monitor")
                    && s.query().contains("pg_stat_activity"));
            sleeping.cancel(true);
            idle.rollback();
        }
    }

    @Test
    @Order(2)
    void hundredCommitsAndADeadlockShowInTheDatabaseDeltas() throws Exception {
        DatabaseCounters before = database("pg1");
        try (Connection c = cluster.primary().connect(LabCluster.DATABASE)) {
            for (int i = 0; i < 100; i++) {
                execute(c, "UPDATE shop.products SET stock = stock + 1 WHERE id = " + (1 + i % 50));
            }
        }
        deadlock();
        Waits.until(WAIT, "a sample showing the deadlock", () -> database("pg1").deadlocks() > before.deadlocks());
        DatabaseRates rates = DatabaseRates.between(before, database("pg1")).orElseThrow();
        long commits = Math.round(rates.commitsPerSecond() * rates.interval().toNanos() / 1e9);
        assertThat(commits).isGreaterThanOrEqualTo(100);
        assertThat(rates.deadlocks()).isEqualTo(1);
        assertThat(rates.rollbacksPerSecond()).isPositive();
        assertThat(database("pg1").maxConnections()).isEqualTo(100);
    }

    @Test
    @Order(3)
    void aCollectorWithoutPrivilegeIsSetAsideWithItsFixAndTheRestKeepsWorking() {
        Waits.until(WAIT, "the privileged collector to be marked unavailable",
                () -> latest("pg1").metric(NEEDS_SUPERUSER) instanceof Metric.Unavailable);
        Metric.Unavailable<String> unavailable = (Metric.Unavailable<String>) latest("pg1").metric(NEEDS_SUPERUSER);
        assertThat(unavailable.reason()).contains("permission denied");
        assertThat(unavailable.fix()).contains("pg_monitor");
        assertThat(latest("pg1").status().isUp()).isTrue();
        assertThat(latest("pg1").metric(ACTIVITY).isAvailable()).isTrue();
        long tick = latest("pg1").tick();
        Waits.until(WAIT, "more ticks", () -> latest("pg1").tick() > tick + 1);
        assertThat(latest("pg1").metric(ACTIVITY)).isInstanceOf(Metric.Available.class);
        assertThat(latest("pg1").metric(DATABASE)).isInstanceOf(Metric.Available.class);
        assertThat(latest("pg1").metric(REPLICATION)).isInstanceOf(Metric.Available.class);
    }

    @Test
    @Order(3)
    void historyGrowsOnePointPerTickForEachMetric() {
        Waits.until(WAIT, "a few points of history", () -> history.series("pg1", HistoryPoints.TPS)
                .map(s -> s.size() >= 3).orElse(false));
        assertThat(history.metrics("pg1")).contains(HistoryPoints.TPS, HistoryPoints.CONNECTIONS,
                HistoryPoints.BLOCKED, HistoryPoints.REPLAY_LAG_BYTES_PREFIX + "pg2");
        assertThat(history.metrics("pg2")).contains(HistoryPoints.REPLAY_DELAY_SECONDS);
        assertThat(history.capacity()).isEqualTo(3600);
        Series.Points tps = history.series("pg1", HistoryPoints.TPS).orElseThrow().points();
        for (int i = 1; i < tps.size(); i++) {
            assertThat(tps.times()[i]).isGreaterThan(tps.times()[i - 1]);
        }
    }

    @Test
    @Order(4)
    void pausedReplayShowsLagOnBothEndsAndResumeClearsIt() {
        LabNode standby = cluster.node("pg2");
        try (Workload workload = Workload.start(cluster, new Workload.Settings(50, 1.0, 1))) {
            Waits.until(WAIT, "pg2 streaming in the sample", () -> replication("pg1")
                    .flatMap(r -> r.standby("pg2")).map(StandbyLink::isStreaming).orElse(false));
            standby.pauseReplay();
            try {
                Waits.until(WAIT, "replay lag on the primary's view of pg2", () -> replication("pg1")
                        .flatMap(r -> r.standby("pg2")).map(l -> l.replayLagBytes() > 8192).orElse(false));
                Waits.until(WAIT, "a paused, lagging receiver on pg2", () -> replication("pg2")
                        .flatMap(ReplicationSnapshot::receiver)
                        .map(r -> r.replayPaused() && r.replayBacklogBytes().orElse(0L) > 0
                                && r.replayDelaySeconds().orElse(0.0) > 0.5).orElse(false));
                ReceiverState paused = replication("pg2").flatMap(ReplicationSnapshot::receiver).orElseThrow();
                assertThat(paused.isStreaming()).isTrue();
                assertThat(paused.upstreamPort()).contains(cluster.node("pg1").port());
                assertThat(paused.receivedTimeline()).contains(1);
                StandbyLink seenByPrimary = replication("pg1").flatMap(r -> r.standby("pg2")).orElseThrow();
                assertThat(seenByPrimary.replayLagBytes()).isGreaterThan(seenByPrimary.flushLagBytes());
            } finally {
                standby.resumeReplay();
            }
        }
        Waits.until(WAIT, "pg2 caught up: no backlog, no delay", () -> replication("pg2")
                .flatMap(ReplicationSnapshot::receiver)
                .map(r -> !r.replayPaused() && r.replayBacklogBytes().orElse(-1L) == 0
                        && r.replayDelaySeconds().orElse(-1.0) == 0.0).orElse(false));
        Waits.until(WAIT, "the primary to see pg2 caught up", () -> replication("pg1").flatMap(r -> r.standby("pg2"))
                .map(l -> l.replayLagBytes() == 0 && l.effectiveReplayLagSeconds().isPresent()).orElse(false));
    }

    @Test
    @Order(5)
    void anIdlePrimaryShowsNoFalseLagAndASlotShowsTheWalItHolds() throws Exception {
        // Nothing is written now, so the last replayed commit only grows older: that is not lag.
        ReceiverState idle = replication("pg2").flatMap(ReplicationSnapshot::receiver).orElseThrow();
        assertThat(idle.replayDelaySeconds()).contains(0.0);

        try (Connection c = cluster.primary().connect("postgres")) {
            execute(c, "SELECT pg_create_physical_replication_slot('held_back', true)");
            try {
                execute(c, "SELECT pg_switch_wal()");
                execute(c, "CREATE TABLE IF NOT EXISTS public.filler AS SELECT g FROM generate_series(1, 50000) g");
                Waits.until(WAIT, "the slot's retained WAL", () -> replication("pg1").flatMap(r -> r.slots().stream()
                        .filter(sl -> sl.name().equals("held_back")).findFirst())
                        .map(sl -> sl.retainedBytes().orElse(0L) > 1_000_000).orElse(false));
                SlotState slot = replication("pg1").orElseThrow().slots().stream()
                        .filter(sl -> sl.name().equals("held_back")).findFirst().orElseThrow();
                assertThat(slot.active()).isFalse();
                assertThat(slot.type()).isEqualTo("physical");
                assertThat(slot.walStatus()).isIn("reserved", "extended");
                assertThat(slot.atRisk()).isFalse();
            } finally {
                execute(c, "SELECT pg_drop_replication_slot('held_back')");
                execute(c, "DROP TABLE IF EXISTS public.filler");
            }
        }
    }

    @Test
    @Order(6)
    void aKilledStandbyIsDownWithinTwoTicksAndBackAfterRestart() {
        LabNode standby = cluster.node("pg2");
        Waits.until(WAIT, "pg2 sampled as up", () -> latest("pg2").status().isUp());
        long tickAtKill = latest("pg2").tick();
        int seen = samples.size();
        standby.kill9();
        // Wait on the recorded samples themselves, not on monitor.sample(): the monitor's latest sample is set
        // before subscribers (this list) receive it, so under load latest() can see the down sample first.
        Waits.until(WAIT, "pg2 down in the recorded samples", () -> firstDownSince(seen).isPresent());
        NodeSample firstDown = firstDownSince(seen).orElseThrow();
        assertThat(firstDown.tick() - tickAtKill).as("ticks from kill to down").isLessThanOrEqualTo(2);
        assertThat(firstDown.status().error()).isNotBlank();
        // A connect that reaches the dying postmaster is reset, not refused: that tick may say late, and the next
        // one, refused, says down. Nothing else comes first.
        assertThat(notUpSince(seen).stream().takeWhile(n -> n != firstDown))
                .as("before down, only a reset connection while the postmaster died")
                .allSatisfy(n -> assertThat(n.status().error()).contains("Connection reset"));
        assertThat(firstDown.status().lastGoodAt()).as("the age of its last good sample is known").isPresent();
        assertThat(latest("pg1").status().isUp()).as("the other node is unaffected").isTrue();

        standby.start();
        Waits.until(Duration.ofSeconds(45), "pg2 back up", () -> latest("pg2").status().isUp());
        assertThat(latest("pg2").status().role()).isEqualTo(NodeStatus.Role.STANDBY);
    }

    @Test
    @Order(7)
    void closingLeavesNoSamplerThreads() {
        String name = cluster.name();
        monitor.close();
        Waits.until(Duration.ofSeconds(10), "sampler threads to end", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && (t.getName().startsWith("vigil-sample-" + name)
                        || t.getName().startsWith("vigil-deliver-" + name)
                        || t.getName().startsWith("vigil-late-" + name))));
        monitor = null;
    }

    private Optional<ReplicationSnapshot> replication(String node) {
        return latest(node).metric(REPLICATION) instanceof Metric.Available<ReplicationSnapshot> r
                ? Optional.of(r.value()) : Optional.empty();
    }

    private Optional<ActivitySnapshot> activity(String node) {
        return latest(node).metric(ACTIVITY) instanceof Metric.Available<ActivitySnapshot> a
                ? Optional.of(a.value()) : Optional.empty();
    }

    private DatabaseCounters database(String node) {
        Waits.until(WAIT, "database counters", () -> latest(node).metric(DATABASE).isAvailable());
        return ((Metric.Available<DatabaseCounters>) latest(node).metric(DATABASE)).value();
    }

    /** Two sessions lock two rows in opposite order; the server's detector ends one after deadlock_timeout. */
    private void deadlock() throws Exception {
        try (Connection x = cluster.primary().connect(LabCluster.DATABASE);
             Connection y = cluster.primary().connect(LabCluster.DATABASE)) {
            x.setAutoCommit(false);
            y.setAutoCommit(false);
            execute(x, "UPDATE shop.products SET stock = stock + 1 WHERE id = 101");
            execute(y, "UPDATE shop.products SET stock = stock + 1 WHERE id = 102");
            List<CompletableFuture<Void>> both = new ArrayList<>();
            both.add(CompletableFuture.runAsync(() -> execute(x, "UPDATE shop.products SET stock = stock + 1 WHERE id = 102")));
            both.add(CompletableFuture.runAsync(() -> execute(y, "UPDATE shop.products SET stock = stock + 1 WHERE id = 101")));
            CompletableFuture.anyOf(both.toArray(CompletableFuture[]::new)).handle((r, e) -> null).get(30, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : both) {
                f.handle((r, e) -> null).get(30, TimeUnit.SECONDS);
            }
            x.rollback();
            y.rollback();
        }
    }

    private static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
