package dev.vigil.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertThresholds;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.activity.WaitProfile;
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
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.ReplicationTopology;
import dev.vigil.ui.common.SessionRow;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import dev.vigil.ui.events.EventsViewModel;
import dev.vigil.ui.queries.QueriesViewModel;
import dev.vigil.ui.queries.QueryRow;
import dev.vigil.ui.sessions.SessionFilter;
import dev.vigil.ui.sessions.SessionsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's view-models and their pure parts, with hand-made samples: no toolkit, no servers. */
class ConsoleViewModelsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final NodeEndpoint PG1 = new NodeEndpoint("pg1", "127.0.0.1", 5001, "shop", "m", "p");
    private static final NodeEndpoint PG2 = new NodeEndpoint("pg2", "127.0.0.1", 5002, "shop", "m", "p");
    private static final NodeEndpoint PG3 = new NodeEndpoint("pg3", "127.0.0.1", 5003, "shop", "m", "p");

    @TempDir
    Path dir;

    static SessionActivity session(int pid, String user, String app, String state, String waitType, Duration age) {
        return new SessionActivity(pid, user, "shop", app, "127.0.0.1", "client backend", state, waitType,
                waitType.isEmpty() ? "" : "relation", Optional.of(NOW.minus(age)), Optional.of(NOW.minus(age)),
                Optional.of(NOW.minus(age)), Optional.of(NOW), Optional.empty(), "SELECT " + pid, NOW);
    }

    static NodeStatus status(NodeEndpoint node, boolean recovery, String upstream) {
        return new NodeStatus(node.name(), node.address(), NodeStatus.Reachability.UP, "", "17.6", 170006, recovery,
                Optional.ofNullable(upstream), recovery && upstream != null ? Optional.of("streaming") : Optional.empty(),
                Optional.of(1), Optional.empty(), Optional.empty(), Optional.of(NOW), NOW, Duration.ofMillis(1));
    }

    static NodeSample node(NodeStatus status, Object... values) {
        Map<String, Metric<?>> metrics = new LinkedHashMap<>();
        for (Object v : values) {
            metrics.put(v.getClass().getSimpleName(), new Metric.Available<>(v, NOW));
        }
        return new NodeSample("demo", status.node(), 5, NOW, status, metrics);
    }

    @Test
    void sessionsAreJoinedWithTheLockGraphAndFilteredLikeADbaWould() {
        List<SessionActivity> sessions = List.of(
                session(100, "app", "shop-api", "idle in transaction", "Client", Duration.ofSeconds(90)),
                session(101, "app", "shop-api", "active", "Lock", Duration.ofSeconds(5)),
                session(102, "report", "psql", "active", "", Duration.ofSeconds(45)),
                session(103, "app", "shop-api", "idle", "Client", Duration.ofSeconds(1)));
        LockSnapshot locks = new LockSnapshot(NOW, List.of(
                new LockSession(100, List.of(), "app", "shop", "shop-api", "idle in transaction", "Client", "ClientRead",
                        Optional.of(NOW.minusSeconds(90)), Optional.empty(), "UPDATE orders", Optional.empty()),
                new LockSession(101, List.of(100), "app", "shop", "shop-api", "active", "Lock", "relation",
                        Optional.of(NOW.minusSeconds(5)), Optional.of(NOW.minusSeconds(5)), "ALTER TABLE orders",
                        Optional.of(new WaitingLock("relation", "AccessExclusiveLock", Optional.of("public.orders"),
                                Optional.of(NOW.minusSeconds(5)))))));
        SessionsViewModel vm = new SessionsViewModel();
        vm.update(node(status(PG1, false, null), new ActivitySnapshot(NOW, sessions, WaitProfile.of(sessions)), locks));

        assertThat(vm.rows()).extracting(SessionRow::pid).containsExactly(100, 101, 102, 103);
        SessionRow waiter = vm.row(101).orElseThrow();
        assertThat(waiter.isWaitingOnLock()).isTrue();
        assertThat(waiter.blockedBy()).containsExactly(100);
        assertThat(waiter.waitText()).isEqualTo("Lock: relation · AccessExclusiveLock on public.orders");
        assertThat(vm.row(100).orElseThrow().blocking()).containsExactly(101);
        assertThat(vm.row(102).orElseThrow().isLongRunning()).isTrue();
        assertThat(vm.summaryProperty().get()).contains("4 of 4 backends shown", "1 waiting on a lock", "1 idle in transaction");

        vm.filterProperty().set(new SessionFilter(SessionFilter.State.ANY, "", "", "", true, Duration.ZERO, true));
        assertThat(vm.rows()).extracting(SessionRow::pid).containsExactly(101);
        vm.filterProperty().set(new SessionFilter(SessionFilter.State.ANY, "", "", "", false, Duration.ofSeconds(30), true));
        assertThat(vm.rows()).extracting(SessionRow::pid).containsExactly(100, 102);
        vm.filterProperty().set(new SessionFilter(SessionFilter.State.IDLE_IN_TRANSACTION, "", "", "", false, Duration.ZERO, true));
        assertThat(vm.rows()).extracting(SessionRow::pid).containsExactly(100);
        vm.filterProperty().set(new SessionFilter(SessionFilter.State.ACTIVE, "REP", "", "", false, Duration.ZERO, true));
        assertThat(vm.rows()).extracting(SessionRow::pid).containsExactly(102);
    }

    @Test
    void aDownNodesLastMetricsAreNeverShownAsLive() {
        List<SessionActivity> sessions = List.of(session(100, "app", "shop-api", "active", "", Duration.ofSeconds(1)));
        NodeStatus down = NodeStatus.down(PG1, "Connection refused", NOW, Duration.ZERO);
        NodeSample stale = new NodeSample("demo", "pg1", 9, NOW, down, Map.of(
                "activity", new Metric.Available<>(new ActivitySnapshot(NOW, sessions, WaitProfile.of(sessions)), NOW),
                "statements", new Metric.Available<>(statements(NOW, 1, 1), NOW)));
        SessionsViewModel vm = new SessionsViewModel();
        vm.update(stale);
        assertThat(vm.rows()).as("no cancel or terminate offered on a dead node's old sessions").isEmpty();
        assertThat(vm.unavailableProperty().get()).isEqualTo("pg1 is unreachable: Connection refused");
        QueriesViewModel queries = new QueriesViewModel();
        queries.update(stale);
        assertThat(queries.rows()).isEmpty();
        assertThat(queries.summaryProperty().get()).isEqualTo("pg1: unreachable");
    }

    @Test
    void sessionsOfAnUnreachableNodeSaySoInsteadOfShowingAnEmptyTable() {
        SessionsViewModel vm = new SessionsViewModel();
        vm.update(new NodeSample("demo", "pg2", 3, NOW, NodeStatus.down(PG2, "Connection refused", NOW, Duration.ZERO), Map.of()));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.unavailableProperty().get()).isEqualTo("pg2 is unreachable: Connection refused");
    }

    static StandbyLink link(String name, long replayLag) {
        return new StandbyLink(1, name, "127.0.0.1", "streaming", "async", Optional.of(Lsn.parse("0/5000000")),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0, replayLag, Optional.empty(),
                Optional.empty(), Optional.of(replayLag == 0 ? 0.0 : 3.0), Optional.of(NOW));
    }

    static ReceiverState receiver(boolean paused) {
        return new ReceiverState(Optional.of("streaming"), Optional.of("127.0.0.1"), Optional.of(5001), Optional.of(1),
                Optional.of(NOW), Optional.empty(), Optional.empty(), Optional.of(0L), paused, Optional.empty(), Optional.of(0.0));
    }

    @Test
    void topologyPutsStandbysUnderTheirUpstreamAndJudgesEachLink() {
        ClusterSample sample = new ClusterSample("demo", List.of(
                node(status(PG1, false, null), new ReplicationSnapshot(NOW, List.of(link("pg2", 0), link("pg3", 4096)), List.of(), Optional.empty())),
                node(status(PG2, true, PG1.address()), new ReplicationSnapshot(NOW, List.of(), List.of(), Optional.of(receiver(false)))),
                node(status(PG3, true, PG1.address()), new ReplicationSnapshot(NOW, List.of(), List.of(), Optional.of(receiver(true))))), NOW);

        ReplicationTopology t = ReplicationTopology.of(sample, AlertThresholds.defaults());

        assertThat(t.members()).extracting(ReplicationTopology.Member::node, ReplicationTopology.Member::depth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pg1", 0), org.assertj.core.groups.Tuple.tuple("pg2", 1),
                        org.assertj.core.groups.Tuple.tuple("pg3", 1));
        assertThat(t.linkTo("pg2")).hasValueSatisfying(l -> {
            assertThat(l.upstream()).isEqualTo("pg1");
            assertThat(l.health()).isEqualTo(ReplicationTopology.Health.OK);
        });
        assertThat(t.linkTo("pg3")).hasValueSatisfying(l -> {
            assertThat(l.health()).isEqualTo(ReplicationTopology.Health.WARNING);
            assertThat(l.verdict()).isEqualTo("replay paused");
            assertThat(l.replayLagBytes()).contains(4096L);
        });
        assertThat(t.problems()).containsExactly(new ReplicationTopology.Problem(ReplicationTopology.Health.WARNING,
                "pg3: replay paused, 4.0 KiB behind"));
        assertThat(t.splitBrain()).isFalse();
    }

    @Test
    void splitBrainAndAStandbyNotStreamingAreProblemsNobodyCanMiss() {
        ClusterSample sample = new ClusterSample("demo", List.of(
                node(status(PG1, false, null)), node(status(PG2, true, null)), node(status(PG3, false, null))), NOW);
        ReplicationTopology t = ReplicationTopology.of(sample, AlertThresholds.defaults());
        assertThat(t.splitBrain()).isTrue();
        assertThat(t.problems()).anySatisfy(p -> {
            assertThat(p.text()).startsWith("SPLIT-BRAIN: pg1 and pg3");
            assertThat(p.severity()).isEqualTo(ReplicationTopology.Health.CRITICAL);
        });
        assertThat(t.problems()).anySatisfy(p -> {
            assertThat(p.text()).startsWith("pg2 is a standby that is not streaming");
            assertThat(p.severity()).isEqualTo(ReplicationTopology.Health.CRITICAL);
        });
        assertThat(t.linkTo("pg2")).hasValueSatisfying(l -> assertThat(l.health()).isEqualTo(ReplicationTopology.Health.CRITICAL));
    }

    static StatementsSnapshot statements(Instant at, long calls42, long calls43) {
        Map<StatementKey, StatementCounters> entries = new LinkedHashMap<>();
        entries.put(new StatementKey(1, 1, 42, true), new StatementCounters(calls42, calls42 * 2.0, calls42, 10 * calls42, 0, 0, 0));
        entries.put(new StatementKey(1, 1, 43, true), new StatementCounters(calls43, calls43 * 0.5, calls43, 0, calls43, 0, 0));
        return new StatementsSnapshot(at, entries, Map.of(42L, "SELECT * FROM orders WHERE id = $1", 43L, "UPDATE stock SET n = n - $1"),
                Optional.empty(), Optional.empty());
    }

    @Test
    void vigilsOwnSessionsAndStatementsAreHiddenUntilTheSharedToggleShowsThem() {
        javafx.beans.property.BooleanProperty showVigil = new javafx.beans.property.SimpleBooleanProperty(false);
        List<SessionActivity> sessions = List.of(
                session(200, "app", "shop-api", "active", "", Duration.ofSeconds(1)),
                session(201, "vigil_monitor", "vigil-monitor", "active", "", Duration.ofMillis(3)),
                session(202, "postgres", "vigil-action", "idle", "Client", Duration.ofSeconds(1)));
        SessionsViewModel vm = new SessionsViewModel();
        vm.includeSelfProperty().bind(showVigil);
        vm.update(node(status(PG1, false, null), new ActivitySnapshot(NOW, sessions, WaitProfile.of(sessions))));
        assertThat(vm.rows()).extracting(SessionRow::pid).containsExactly(200);
        assertThat(vm.summaryProperty().get()).contains("1 of 1 backends shown", "1 active");

        // Vigil's monitoring role (oid 7) is dedicated: its entry, query 44, is Vigil's own statement.
        Map<StatementKey, StatementCounters> entries = new LinkedHashMap<>(statements(NOW, 100, 10).entries());
        entries.put(new StatementKey(7, 1, 44, true), new StatementCounters(30, 60, 30, 0, 0, 0, 0));
        Map<StatementKey, StatementCounters> later = new LinkedHashMap<>(statements(NOW.plusSeconds(30), 400, 40).entries());
        later.put(new StatementKey(7, 1, 44, true), new StatementCounters(60, 120, 60, 0, 0, 0, 0));
        Map<Long, String> texts = Map.of(42L, "SELECT * FROM orders WHERE id = $1", 43L, "UPDATE stock SET n = n - $1",
                44L, "SELECT ... FROM pg_catalog.pg_stat_activity a");
        QueriesViewModel queries = new QueriesViewModel();
        queries.includeSelfProperty().bind(showVigil);
        queries.update(node(status(PG1, false, null), new StatementsSnapshot(NOW, entries, texts, Optional.empty(),
                Optional.empty(), Optional.of(7L))));
        queries.update(new NodeSample("demo", "pg1", 35, NOW.plusSeconds(30), status(PG1, false, null),
                Map.of("statements", new Metric.Available<>(new StatementsSnapshot(NOW.plusSeconds(30), later, texts,
                        Optional.empty(), Optional.empty(), Optional.of(7L)), NOW.plusSeconds(30)))));
        assertThat(queries.rows()).extracting(QueryRow::queryId).containsExactlyInAnyOrder(42L, 43L);

        showVigil.set(true);
        assertThat(vm.rows()).extracting(SessionRow::pid).containsExactly(200, 201, 202);
        assertThat(queries.rows()).extracting(QueryRow::queryId).containsExactlyInAnyOrder(42L, 43L, 44L);
        showVigil.set(false);
        assertThat(vm.rows()).extracting(SessionRow::pid).containsExactly(200);
        assertThat(queries.rows()).extracting(QueryRow::queryId).containsExactlyInAnyOrder(42L, 43L);
    }

    /** The arithmetic runs on a worker; what it finishes for a node no longer shown is dropped, not shown. */
    @Test
    void queriesComputedOffTheFxThreadAreDroppedWhenTheNodeChangedMeanwhile() {
        List<Runnable> queued = new java.util.ArrayList<>();
        QueriesViewModel vm = new QueriesViewModel(queued::add, UiThread.immediate());
        vm.update(node(status(PG1, false, null), statements(NOW, 100, 10)));
        vm.update(new NodeSample("demo", "pg1", 35, NOW.plusSeconds(30), status(PG1, false, null),
                Map.of("statements", new Metric.Available<>(statements(NOW.plusSeconds(30), 400, 40), NOW.plusSeconds(30)))));
        assertThat(queued).as("the rates wait for the worker").hasSize(1);
        assertThat(vm.rows()).isEmpty();

        vm.update(node(status(PG2, true, "pg1"), statements(NOW, 7, 7)));
        queued.forEach(Runnable::run);
        assertThat(vm.rows()).as("pg1's rates are not shown as pg2's").isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("pg2: first pg_stat_statements read");
    }

    @Test
    void queriesShowRatesBetweenTheLastTwoReadsAndATrendPerQuery() {
        QueriesViewModel vm = new QueriesViewModel();
        vm.update(node(status(PG1, false, null), statements(NOW, 100, 10)));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summaryProperty().get()).contains("rates appear after the next read");

        NodeSample second = new NodeSample("demo", "pg1", 35, NOW.plusSeconds(30), status(PG1, false, null),
                Map.of("statements", new Metric.Available<>(statements(NOW.plusSeconds(30), 400, 40), NOW.plusSeconds(30))));
        vm.update(second);
        assertThat(vm.rows()).extracting(QueryRow::queryId).containsExactly(42L, 43L);
        QueryRow top = vm.rows().get(0);
        assertThat(top.rate().callsPerSecond()).isEqualTo(10.0);
        assertThat(top.rate().totalMillisPerSecond()).isEqualTo(20.0);
        assertThat(top.trend()).containsExactly(20.0);
        assertThat(vm.summaryProperty().get()).contains("2 queries ran in the 30 s");

        vm.update(second);
        assertThat(vm.rows().get(0).trend()).as("the same read again adds no point").hasSize(1);

        vm.filterProperty().set("update stock");
        assertThat(vm.rows()).extracting(QueryRow::queryId).containsExactly(43L);
    }

    @Test
    void windowLayoutRoundTripsAndBadValuesFallBackToDefaults() {
        WindowState state = new WindowState(10, 20, 1500, 900, false, 0.3, ConsoleView.LOCKS, false, Duration.ofMinutes(30));
        assertThat(WindowState.from(state.toProperties())).isEqualTo(state);

        Properties bad = new Properties();
        bad.setProperty("width", "huge");
        bad.setProperty("view", "NO_SUCH_VIEW");
        bad.setProperty("divider", "0.99");
        bad.setProperty("chartRangeMinutes", "7");
        WindowState read = WindowState.from(bad);
        assertThat(read.width()).isEqualTo(WindowState.DEFAULT.width());
        assertThat(read.view()).isEqualTo(ConsoleView.OVERVIEW);
        assertThat(read.divider()).isEqualTo(WindowState.DEFAULT.divider());
        assertThat(read.chartRange()).isEqualTo(Duration.ofMinutes(5));
        assertThat(read.hasPosition()).isFalse();
    }

    @Test
    void windowLayoutIsSavedAtomicallyAndAnUnreadableFileMeansTheDefault() throws Exception {
        WindowStateStore store = new WindowStateStore(dir.resolve("sub").resolve("window.properties"));
        assertThat(store.load()).isEqualTo(WindowState.DEFAULT);
        WindowState state = WindowState.DEFAULT.withView(ConsoleView.REPLICATION);
        store.save(state);
        assertThat(store.load()).isEqualTo(state);
        assertThat(dir.resolve("sub").resolve("window.properties.tmp")).doesNotExist();
        Files.writeString(store.file(), "width=\\u12");
        assertThat(store.load()).isEqualTo(WindowState.DEFAULT);
    }

    @Test
    void eventsShowTheJournalsPastAndNewEntriesNewestFirstFiltered() {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = Journal.open(file)) {
            journal.append(new JournalEntry(NOW, "alert.raised", "demo", "pg2", "node pg2 is unreachable", Map.of("rule", "node-down")));
            EventsViewModel vm = new EventsViewModel(journal, UiThread.immediate(), TaskExecutor.sameThread());
            assertThat(vm.rows()).extracting(JournalEntry::summary).containsExactly("node pg2 is unreachable");
            journal.append(new JournalEntry(NOW.plusSeconds(5), "action.step", "demo", "pg1", "cancelled pid 101", Map.of("pid", "101")));
            assertThat(vm.rows()).extracting(JournalEntry::kind).containsExactly("action.step", "alert.raised");
            vm.kindProperty().set("alerts");
            assertThat(vm.rows()).extracting(JournalEntry::kind).containsExactly("alert.raised");
            vm.kindProperty().set("all");
            vm.textProperty().set("101");
            assertThat(vm.rows()).extracting(JournalEntry::kind).containsExactly("action.step");
            vm.close();
            journal.append(new JournalEntry(NOW.plusSeconds(9), "alert.cleared", "demo", "pg2", "cleared", Map.of()));
            assertThat(vm.rows()).as("a closed view-model stops listening").hasSize(1);
        }
    }
}
