package dev.vigil.monitor.lockwaits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.OneNodeLab;
import dev.vigil.lab.host.Waits;
import dev.vigil.locks.RootBlocker;
import dev.vigil.locks.WaitEdge;
import dev.vigil.locks.WaitForGraph;
import dev.vigil.monitor.OtherDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real lock contention from concurrent sessions, read by the collector over the least-privileged monitor role,
 * and turned into a wait-for graph. Subclasses choose the binaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LockWaitBehaviour {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private OneNodeLab lab;
    private LabNode node;
    private Connection monitor;
    private Connection monitorOfOtherDatabase;
    /** Names tables for the monitor that sits in "postgres", as a node's sampler does. */
    private OtherDatabases namesFromPostgres;
    private String monitorPassword;
    private int versionNum;
    private final List<Connection> sessions = new ArrayList<>();
    private final java.util.Map<Connection, Integer> pids = new java.util.HashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    abstract Optional<Path> pgBin();

    @BeforeAll
    void startNode() throws SQLException {
        lab = OneNodeLab.open(pgBin(), "locks");
        LabCluster cluster = lab.cluster();
        node = lab.node();
        monitorPassword = cluster.credentials().monitorPassword();
        monitor = lab.monitor(LabCluster.DATABASE);
        monitorOfOtherDatabase = lab.monitor("postgres");
        namesFromPostgres = RelationNameCache.of(dev.vigil.cluster.MonitorConnectionSettings.defaults(),
                new dev.vigil.cluster.NodeEndpoint(node.name(), "127.0.0.1", node.port(), "postgres",
                        LabCredentials.MONITOR_USER, cluster.credentials().monitorPassword()));
        versionNum = OneNodeLab.versionNum(monitor);
    }

    /** Closing a connection does not end a backend stuck in a wait or a sleep: terminate them, then close. */
    @AfterEach
    void endSessions() throws SQLException {
        try (Connection admin = node.connect("postgres"); Statement st = admin.createStatement()) {
            for (Connection c : sessions) {
                st.execute("SELECT pg_terminate_backend(" + pids.get(c) + ")");
            }
        }
        for (Connection c : sessions) {
            try {
                c.close();
            } catch (SQLException alreadyGone) {
                // terminated above
            }
        }
        sessions.clear();
        pids.clear();
        Waits.until(WAIT, "the test sessions to end", () -> collect().sessions().isEmpty());
    }

    @AfterAll
    void stop() throws SQLException {
        pool.shutdownNow();
        if (monitor != null) {
            monitor.close();
            monitorOfOtherDatabase.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void chainShowsTheRootHoldingUpThreeAndClearsWhenTheRootIsCancelled() throws Exception {
        Connection a = session("lock-A", false);
        Connection b = session("lock-B", true);
        Connection c = session("lock-C", false);
        Connection d = session("lock-D", true);
        int pidA = pid(a);
        int pidB = pid(b);
        int pidC = pid(c);
        int pidD = pid(d);

        execute(a, "UPDATE shop.orders SET status = 'held' WHERE id IN (1, 2)");
        CompletableFuture<Void> aSleeps = async(a, "SELECT pg_sleep(120)");
        CompletableFuture<Void> bWaits = async(b, "UPDATE shop.orders SET status = 'b' WHERE id = 1");
        execute(c, "UPDATE shop.customers SET country = 'SE' WHERE id = 1");
        CompletableFuture<Void> cWaits = async(c, "UPDATE shop.orders SET status = 'c' WHERE id = 2");
        CompletableFuture<Void> dWaits = async(d, "UPDATE shop.customers SET country = 'NO' WHERE id = 1");

        Waits.until(WAIT, "B, C and D waiting", () -> collect().waitingCount() == 3);
        WaitForGraph graph = WaitForGraph.of(collect());
        assertThat(graph.rootBlockers()).containsExactly(pidA);
        assertThat(graph.blockedDirectly(pidA)).isEqualTo(2);
        assertThat(graph.blockedTransitively(pidA)).isEqualTo(3);
        assertThat(graph.blockedBehind(pidA)).containsExactlyInAnyOrder(pidB, pidC, pidD);
        assertThat(graph.cycles()).isEmpty();
        assertThat(edge(graph, pidB, pidA)).satisfies(e -> {
            assertThat(e.mode()).isEqualTo("ShareLock");
            assertThat(e.relation()).contains("shop.orders");
        });
        assertThat(edge(graph, pidD, pidC).relation()).contains("shop.customers");
        // B waits for A's transaction; the table comes from the tuple lock B holds: never a bare null relation.
        assertThat(edge(graph, pidB, pidA).awaited()).matches("transaction \\d+ \\(a row of shop.orders\\) to end");
        // Seen from another database, the table comes back as an oid and is named from its own database.
        LockSnapshot raw = new LockWaitCollector().collect(monitorOfOtherDatabase, versionNum);
        assertThat(edge(WaitForGraph.of(raw), pidB, pidA).relation().orElseThrow()).matches("shop\\.\\d+");
        WaitForGraph fromOtherDatabase = WaitForGraph.of(new LockWaitCollector().complete(raw, namesFromPostgres));
        assertThat(edge(fromOtherDatabase, pidB, pidA).relation()).contains("shop.orders");
        assertThat(edge(fromOtherDatabase, pidD, pidC).relation()).contains("shop.customers");
        RootBlocker root = graph.rootBlockerDetails().get(0);
        assertThat(root.describe()).startsWith("pid " + pidA + " (lock-A, user ").contains(" on shop, active, transaction open ")
                .contains("holds up 3 (2 directly): SELECT pg_sleep(120)");
        assertThat(graph.session(pidA).orElseThrow().query()).contains("pg_sleep");
        assertThat(graph.session(pidA).orElseThrow().isWaiting()).isFalse();
        if (versionNum >= 140000) {
            assertThat(graph.session(pidB).orElseThrow().waitingFor().orElseThrow().waitStart()).isPresent();
        }

        cancel(pidA);
        Waits.until(WAIT, "nobody waiting on A after its cancel",
                () -> WaitForGraph.of(collect()).blockedTransitively(pidA) == 0);
        assertThat(aSleeps).failsWithin(WAIT);
        bWaits.get(20, TimeUnit.SECONDS);
        cWaits.get(20, TimeUnit.SECONDS);
        c.commit();
        dWaits.get(20, TimeUnit.SECONDS);
        a.rollback();
        assertThat(WaitForGraph.of(collect()).isEmpty()).isTrue();
    }

    @Test
    void sessionsWaitingOnEachOtherShowAsACycle() throws Exception {
        Connection x = session("cycle-X", false);
        Connection y = session("cycle-Y", false);
        for (Connection c : List.of(x, y)) {
            execute(c, "SET deadlock_timeout = '60s'"); // keep the cycle long enough to see it
        }
        execute(x, "UPDATE shop.products SET stock = stock - 1 WHERE id = 1");
        execute(y, "UPDATE shop.products SET stock = stock - 1 WHERE id = 2");
        CompletableFuture<Void> xWaits = async(x, "UPDATE shop.products SET stock = stock - 1 WHERE id = 2");
        CompletableFuture<Void> yWaits = async(y, "UPDATE shop.products SET stock = stock - 1 WHERE id = 1");

        Waits.until(WAIT, "X and Y waiting on each other", () -> collect().waitingCount() == 2);
        WaitForGraph graph = WaitForGraph.of(collect());
        assertThat(graph.cycles()).containsExactly(Set.of(pids.get(x), pids.get(y)));
        assertThat(graph.rootBlockers()).isEmpty();

        cancel(pids.get(x));
        yWaits.get(20, TimeUnit.SECONDS);
        assertThat(xWaits).failsWithin(WAIT);
        y.rollback();
        x.rollback();
    }

    @Test
    void anAdvisoryLockWaitSaysItsKeyAndTheRootBlockerWhoItIs() throws Exception {
        Connection a = session("adv-A", true);
        Connection b = session("adv-B", true);
        execute(a, "SELECT pg_advisory_lock(42)");
        CompletableFuture<Void> bWaits = async(b, "SELECT pg_advisory_lock(42)");
        Waits.until(WAIT, "B waiting for advisory lock 42", () -> collect().waitingCount() == 1);
        WaitForGraph graph = WaitForGraph.of(collect());
        WaitEdge e = edge(graph, pids.get(b), pids.get(a));
        assertThat(e.relation()).isEmpty();
        assertThat(e.awaited()).isEqualTo("advisory lock 42");
        assertThat(graph.rootBlockerDetails()).singleElement().satisfies(r -> {
            assertThat(r.application()).isEqualTo("adv-A");
            assertThat(r.state()).isEqualTo("idle");
            assertThat(r.transactionAge()).isEmpty();
            assertThat(r.describe()).contains("(adv-A, user ").contains(", idle, no transaction) holds up 1");
        });
        execute(a, "SELECT pg_advisory_unlock(42)");
        bWaits.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aTableOfADatabaseTheMonitorMayNotEnterIsShownAsDatabaseDotOidWithTheReason() throws Exception {
        Connection a = session("noconnect-A", false);
        Connection b = session("noconnect-B", true);
        execute(a, "UPDATE shop.orders SET status = 'held' WHERE id = 3");
        CompletableFuture<Void> bWaits = async(b, "UPDATE shop.orders SET status = 'b' WHERE id = 3");
        Waits.until(WAIT, "B waiting", () -> collect().waitingCount() == 1);
        try (Connection admin = node.connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("REVOKE CONNECT ON DATABASE shop FROM PUBLIC");
            try {
                OtherDatabases fresh = RelationNameCache.of(dev.vigil.cluster.MonitorConnectionSettings.defaults(),
                        new dev.vigil.cluster.NodeEndpoint(node.name(), "127.0.0.1", node.port(), "postgres",
                                LabCredentials.MONITOR_USER, monitorPassword));
                LockSnapshot named = new LockWaitCollector().complete(
                        new LockWaitCollector().collect(monitorOfOtherDatabase, versionNum), fresh);
                assertThat(edge(WaitForGraph.of(named), pids.get(b), pids.get(a)).relation().orElseThrow())
                        .matches("shop\\.\\d+ \\(name not read: vigil_monitor may not connect to shop \\(GRANT CONNECT ON "
                                + "DATABASE \"shop\" TO \"vigil_monitor\" to see names\\)\\)");
            } finally {
                st.execute("GRANT CONNECT ON DATABASE shop TO PUBLIC");
            }
        }
        a.rollback();
        bWaits.get(20, TimeUnit.SECONDS);
    }

    @Test
    void onlyTheHolderThatWaitsOnNobodyIsAnInFlightMigrationEvenSeenFromAnotherDatabase() throws Exception {
        Connection holder = session("flyway-holder", false);
        Connection second = session("flyway-second", false);
        Connection reader = session("reader", true);
        execute(holder, "LOCK TABLE shop.orders IN ACCESS EXCLUSIVE MODE");
        execute(second, "LOCK TABLE shop.customers IN ACCESS EXCLUSIVE MODE");
        CompletableFuture<Void> secondWaits = async(second, "ALTER TABLE shop.orders ADD COLUMN vigil_probe int");
        CompletableFuture<Void> readerWaits = async(reader, "SELECT count(*) FROM shop.customers");
        Waits.until(WAIT, "the second migration and the reader waiting", () -> collect().waitingCount() == 2);
        for (LockSnapshot seen : List.of(collect(), new LockWaitCollector().complete(
                new LockWaitCollector().collect(monitorOfOtherDatabase, versionNum), namesFromPostgres))) {
            assertThat(dev.vigil.locks.InFlightMigrations.find(WaitForGraph.of(seen))).singleElement().satisfies(m -> {
                assertThat(m.pid()).isEqualTo(pids.get(holder));
                assertThat(m.lock()).isEqualTo("AccessExclusiveLock on shop.orders");
                assertThat(m.blocked()).isEqualTo(2);
            });
        }
        holder.rollback();
        secondWaits.get(20, TimeUnit.SECONDS);
        second.rollback();
        readerWaits.get(20, TimeUnit.SECONDS);
    }

    @Test
    void nobodyWaitingGivesAnEmptySnapshot() throws SQLException {
        assertThat(collect().sessions()).isEmpty();
    }

    private LockSnapshot collect() {
        try {
            return new LockWaitCollector().collect(monitor, versionNum);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WaitEdge edge(WaitForGraph graph, int waiter, int blocker) {
        return graph.edges().stream().filter(e -> e.waiter() == waiter && e.blocker() == blocker).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + waiter + " -> " + blocker + " in " + graph.edges()));
    }

    private Connection session(String name, boolean autoCommit) throws SQLException {
        Connection c = node.connect(LabCluster.DATABASE);
        c.setClientInfo("ApplicationName", name);
        c.setAutoCommit(autoCommit);
        sessions.add(c);
        pids.put(c, pid(c));
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private CompletableFuture<Void> async(Connection c, String sql) {
        return CompletableFuture.runAsync(() -> {
            try {
                execute(c, sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, pool);
    }

    private void cancel(int pid) throws SQLException {
        try (Connection admin = node.connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("SELECT pg_cancel_backend(" + pid + ")");
        }
    }
}
