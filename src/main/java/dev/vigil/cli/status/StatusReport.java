package dev.vigil.cli.status;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.locks.RootBlocker;
import dev.vigil.locks.WaitEdge;
import dev.vigil.locks.WaitForGraph;
import dev.vigil.monitor.Collector;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.activity.ActivityCollector;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.database.DatabaseCollector;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.database.DatabaseRates;
import dev.vigil.monitor.database.DatabaseWindow;
import dev.vigil.monitor.health.CheckpointCollector;
import dev.vigil.monitor.health.HealthFinding;
import dev.vigil.monitor.health.HealthFindings;
import dev.vigil.monitor.health.HealthReadings;
import dev.vigil.monitor.health.HealthThresholds;
import dev.vigil.monitor.health.HorizonCollector;
import dev.vigil.monitor.health.IndexCollector;
import dev.vigil.monitor.health.SequenceCollector;
import dev.vigil.monitor.health.VacuumCollector;
import dev.vigil.monitor.health.WalCollector;
import dev.vigil.monitor.health.WraparoundCollector;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.LockWaitCollector;
import dev.vigil.monitor.replication.ReplicationCollector;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import dev.vigil.monitor.statements.StatementDeltas;
import dev.vigil.monitor.statements.StatementsCollector;
import dev.vigil.monitor.statements.StatementsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One full snapshot of the watched clusters, as `vigil status` prints it (text or JSON).
 *
 * @param waitingFor the nodes with no complete sample within the wait ({@code cluster/node (state: reason)})
 */
record StatusReport(Instant at, List<ClusterReport> clusters, List<String> inventoryProblems, List<String> waitingFor) {

    record ClusterReport(String name, Optional<String> primary, boolean splitBrain, long reachable,
                         List<NodeReport> nodes) {}

    record NodeReport(String name, String address, String state, String error, String role, String version,
                      Optional<Integer> timeline, Optional<String> upstream, Optional<ActivitySummary> activity,
                      Optional<DatabaseRates> database, Optional<Integer> connections, Optional<Integer> maxConnections,
                      Optional<ReplicationSnapshot> replication, Optional<LocksSummary> locks,
                      List<StatementLine> topStatements, List<HealthFinding> health,
                      Map<String, Unavailable> unavailable,
                      Optional<Double> lastGoodAgeSeconds) {}

    record ActivitySummary(long clientSessions, int active, long idleInTransaction, Map<String, Integer> waitProfile,
                           Optional<Double> longestTransactionSeconds, Optional<Integer> oldestXminAge) {}

    /**
     * @param rootBlockers each root with who it is and what it runs, largest tree first
     * @param edges        who waits on whom, each saying what it waits for (never a bare null relation)
     */
    record LocksSummary(long waiting, List<RootBlockerLine> rootBlockers, List<Set<Integer>> cycles,
                        List<EdgeLine> edges) {}

    /** A root blocker in the report: its facts, and the sentence the text form prints. */
    record RootBlockerLine(int pid, int heldUp, int heldUpDirectly, String application, String user, String database,
                           String state, Optional<Double> transactionAgeSeconds, String query, List<String> strongLocks,
                           String description) {
        static RootBlockerLine of(RootBlocker r) {
            return new RootBlockerLine(r.pid(), r.heldUp(), r.heldUpDirectly(), r.application(), r.user(),
                    r.database(), r.state(), r.transactionAge().map(d -> d.toMillis() / 1000.0), r.query(),
                    r.strongLocks(), r.describe());
        }
    }

    /** One wait: {@code table} appears only where the lock concerns a table; {@code awaited} is always said. */
    record EdgeLine(int waiter, int blocker, String mode, String awaited,
                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
                    Optional<String> table, Optional<Double> waitedSeconds) {
        static EdgeLine of(WaitEdge e) {
            return new EdgeLine(e.waiter(), e.blocker(), e.mode(), e.awaited(), e.relation(),
                    e.waited().map(d -> d.toMillis() / 1000.0));
        }
    }

    record StatementLine(long queryId, String query, double callsPerSecond, double totalMillisPerSecond,
                         Optional<Double> meanMillis, double rowsPerSecond, Optional<Double> hitRatio) {}

    record Unavailable(String reason, String fix) {}

    static final ActivityCollector ACTIVITY = new ActivityCollector();
    static final DatabaseCollector DATABASE = new DatabaseCollector();
    static final ReplicationCollector REPLICATION = new ReplicationCollector();
    static final LockWaitCollector LOCKS = new LockWaitCollector();
    /** For one snapshot the statements are read every tick: two reads give one interval. */
    static final StatementsCollector STATEMENTS = new StatementsCollector(1);

    static final HorizonCollector HORIZON = new HorizonCollector();
    static final WraparoundCollector WRAPAROUND = new WraparoundCollector();
    static final IndexCollector INDEXES = new IndexCollector();
    static final SequenceCollector SEQUENCES = new SequenceCollector();
    static final CheckpointCollector CHECKPOINTS = new CheckpointCollector();
    static final VacuumCollector VACUUM = new VacuumCollector();
    static final WalCollector WAL = new WalCollector();

    static List<Collector<?>> collectors() {
        return List.of(ACTIVITY, DATABASE, REPLICATION, LOCKS, STATEMENTS, HORIZON, WRAPAROUND, INDEXES, SEQUENCES,
                CHECKPOINTS, VACUUM, WAL);
    }

    /** The node's health findings, worst first, at the default thresholds. */
    static List<HealthFinding> health(NodeSample current) {
        return current == null ? List.of() : HealthFindings.of(HealthReadings.of(current),
                HealthThresholds.defaults(), current.at());
    }

    static ClusterReport cluster(ClusterStatus status, Map<String, NodeSample[]> lastTwo, boolean includeSelf) {
        List<NodeReport> nodes = status.nodes().stream().map(n -> node(status, n, lastTwo.get(n.node()), includeSelf))
                .toList();
        return new ClusterReport(status.cluster(), status.primary().map(NodeStatus::node), status.splitBrain(),
                status.reachableCount(), nodes);
    }

    /**
     * {@code samples} is [previous, current]; either may be null before the node was reached twice. Rates are over
     * the current tick's window; Vigil's own sessions, statements and transactions are left out unless
     * {@code includeSelf}.
     */
    static NodeReport node(ClusterStatus cluster, NodeStatus s, NodeSample[] samples, boolean includeSelf) {
        // A late or down node's samples carry its last values: never shown as live.
        boolean live = s.isUp() && samples != null && samples[1].status().isUp();
        NodeSample current = live ? samples[1] : null;
        NodeSample previous = live ? samples[0] : null;
        Map<String, Unavailable> unavailable = new LinkedHashMap<>();
        if (current != null) {
            current.metrics().forEach((name, metric) -> {
                if (metric instanceof Metric.Unavailable<?> u) {
                    unavailable.put(name, new Unavailable(u.reason(), u.fix()));
                }
            });
        }
        Optional<DatabaseCounters> counters = value(current, DATABASE);
        Optional<DatabaseRates> rates = rates(current, includeSelf);
        List<StatementLine> top = value(current, STATEMENTS).flatMap(c -> value(previous, STATEMENTS)
                .map(p -> statements(p.visible(includeSelf), c.visible(includeSelf)))).orElse(List.of());
        return new NodeReport(s.node(), s.address(), s.reachability().name().toLowerCase(), s.error(),
                s.role().name().toLowerCase(), s.version(), s.timeline(), s.upstreamAddress().map(cluster::nodeNameFor),
                value(current, ACTIVITY).map(a -> activity(a.visible(includeSelf))), rates,
                counters.map(DatabaseCounters::connections), counters.map(DatabaseCounters::maxConnections),
                value(current, REPLICATION), value(current, LOCKS).map(StatusReport::locks), top, health(current),
                unavailable,
                s.lastGoodAge(Instant.now()).map(d -> Math.round(d.toMillis() / 100.0) / 10.0));
    }

    /** The node's rates over the window its newest tick carries; empty until the window is full. */
    static Optional<DatabaseRates> rates(NodeSample sample, boolean includeSelf) {
        return sample == null ? Optional.empty()
                : sample.value(DatabaseWindow.class).flatMap(w -> w.rates(includeSelf));
    }

    static ActivitySummary activity(ActivitySnapshot a) {
        Optional<Double> longestTx = a.sessions().stream().filter(SessionActivity::isClientBackend)
                .map(SessionActivity::transactionAge).flatMap(Optional::stream).max(Duration::compareTo)
                .map(d -> d.toMillis() / 1000.0);
        Optional<Integer> oldestXmin = a.sessions().stream().map(SessionActivity::backendXminAge)
                .flatMap(Optional::stream).max(Integer::compareTo);
        return new ActivitySummary(a.clientSessions(), a.waitProfile().active(), a.idleInTransaction(),
                a.waitProfile().activeByWaitClass(), longestTx, oldestXmin);
    }

    static LocksSummary locks(LockSnapshot snapshot) {
        WaitForGraph graph = WaitForGraph.of(snapshot);
        return new LocksSummary(snapshot.waitingCount(),
                graph.rootBlockerDetails().stream().map(RootBlockerLine::of).toList(), graph.cycles(),
                graph.edges().stream().sorted(java.util.Comparator.comparingInt(WaitEdge::waiter)
                        .thenComparingInt(WaitEdge::blocker)).map(EdgeLine::of).toList());
    }

    static List<StatementLine> statements(StatementsSnapshot before, StatementsSnapshot after) {
        return StatementDeltas.top(StatementDeltas.between(before, after), StatementDeltas.Order.TOTAL_TIME, 5).stream()
                .map(r -> new StatementLine(r.queryId(), after.text(r.queryId()).map(StatusReport::oneLine).orElse("?"),
                        r.callsPerSecond(), r.totalMillisPerSecond(), r.meanMillis(), r.rowsPerSecond(), r.hitRatio()))
                .toList();
    }

    static <T> Optional<T> value(NodeSample sample, Collector<T> collector) {
        return sample == null ? Optional.empty() : sample.value(collector);
    }

    private static String oneLine(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
