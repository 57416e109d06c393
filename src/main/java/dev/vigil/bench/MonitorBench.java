package dev.vigil.bench;

import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertThresholds;
import dev.vigil.alert.ClusterAlerts;
import dev.vigil.alert.DefaultRules;
import dev.vigil.bench.SwitchoverFigures.Goal;
import dev.vigil.cli.Json;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.journal.Journal;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.Workload;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.DefaultCollectors;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.NodeTicks;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.activity.WaitProfile;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.history.ClusterHistory;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import dev.vigil.monitor.replication.StandbyLink;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What monitoring costs the monitored server, measured on a loaded lab primary: server execution time of the
 * monitoring role's statements (from pg_stat_statements, read by another role after every tick), next to the
 * per-refresh SQL of pg_activity 3 when its query files are found; plus history memory and alert latency, the
 * latter decided against its goal. The decisions are pure and unit-tested; the figures belong to the run.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Measure the server cost of monitoring a loaded lab primary (200 connections, 50 busy, 5000 "
                + "statements), against pg_activity's refresh when installed; history memory; lock-alert latency.")
public final class MonitorBench implements Callable<Integer> {
    /** ADR 0013: a lock chain is reported within 2 s at the default 1 s interval, in every run. */
    static final long LOCK_ALERT_GOAL_MILLIS = 2000;
    static final int LOCK_ALERT_RUNS = 3;
    /** ADR 0011 and the README: a tick's server time at p95, and the amortised cost per second of monitoring. */
    static final double TICK_P95_GOAL_MILLIS = 15;
    static final double COST_GOAL_MILLIS_PER_SECOND = 5;
    private static final String PEER_ROLE = "peer_monitor";

    @Spec
    CommandSpec spec;
    @Option(names = "--seconds", defaultValue = "60", description = "Seconds measured for each tool (default ${DEFAULT-VALUE}).")
    int seconds;
    @Option(names = "--connections", defaultValue = "200", description = "Open client connections (default ${DEFAULT-VALUE}).")
    int connections;
    @Option(names = "--busy", defaultValue = "50", description = "Of which busy (default ${DEFAULT-VALUE}).")
    int busy;
    @Option(names = "--statements", defaultValue = "5000", description = "Distinct statements (default ${DEFAULT-VALUE}).")
    int statements;
    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;
    @Option(names = "--pg-bin", paramLabel = "DIR", description = "PostgreSQL bin directory (default: from Maven).")
    Path pgBin;
    @Option(names = "--pg-activity-queries", paramLabel = "DIR", description = "pg_activity 3's pgactivity/queries "
            + "folder (default: found beside the pg_activity on PATH; without one the comparison is skipped).")
    Path pgActivityQueries;

    record Cost(String tool, int refreshes, double intervalSeconds, double medianMillis, double p95Millis,
                double statementsPerRefresh, double millisPerSecond) {}

    record Result(String server, int openConnections, int busyConnections, long statementEntries, int seconds,
                  Cost vigil, List<String> vigilByQuery, Optional<Cost> pgActivity, Optional<Cost> pgActivityNoDbSize, Optional<Double> ratio,
                  String peerNote, long historyBytesFor10NodesOneHour, long historyHeapBytesMeasured,
                  List<Long> lockAlertLatencyMillis, List<Goal> goals) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        progress("starting a lab with max_connections 300 and pg_stat_statements.max 10000");
        try (Lab lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin))) {
            LabCluster cluster = lab.createCluster("benchmon", 1,
                    Map.of("max_connections", "300", "pg_stat_statements.max", "10000"));
            LabNode primary = cluster.primary();
            String peerPassword = createPeerRole(primary);
            progress("creating " + statements + " distinct statements");
            long entries = fillStatements(primary, statements);
            progress("opening " + connections + " connections, " + busy + " busy");
            List<Connection> idle = openIdle(primary, connections - busy);
            Result result;
            try (Workload load = Workload.start(cluster, new Workload.Settings(Math.max(1, busy * 4), 0.5, busy))) {
                Waits.until(Duration.ofSeconds(60), "the load to run", () -> load.stats().acknowledgedWrites() > 50);
                progress("measuring Vigil for " + seconds + " s");
                Cost vigil = measureVigil(cluster, primary);
                List<String> breakdown = breakdown(primary, LabInventory.of(cluster).nodes().get(0).user());
                Optional<Cost> peer = Optional.empty();
                Optional<Cost> peerNoSize = Optional.empty();
                String note;
                Optional<Path> queries = pgActivityQueries != null ? Optional.of(pgActivityQueries)
                        .filter(Files::isDirectory) : findPgActivityQueries(System.getenv("PATH"));
                if (queries.isPresent()) {
                    progress("measuring pg_activity's refresh SQL for " + seconds + " s (and again without db size)");
                    peer = Optional.of(measurePeer(primary, peerPassword, queries.get(), false));
                    peerNoSize = Optional.of(measurePeer(primary, peerPassword, queries.get(), true));
                    note = "pg_activity 3 queries read from " + queries.get() + ", default 2 s refresh";
                } else {
                    note = pgActivityQueries != null
                            ? "pg_activity comparison skipped: " + pgActivityQueries + " is not a folder."
                            : "pg_activity comparison skipped: no pg_activity on PATH with its pgactivity/queries "
                            + "folder. Install pg_activity 3 (apt-get install pg-activity, or pip) or give "
                            + "--pg-activity-queries DIR.";
                }
                progress("measuring lock-alert latency");
                List<Long> latency = lockAlertLatency(cluster);
                long[] memory = historyMemory();
                Optional<Double> ratio = peer.map(p -> vigil.millisPerSecond() / p.millisPerSecond());
                result = new Result(lab.binaries().toString(), connections, busy, entries, seconds, vigil, breakdown,
                        peer, peerNoSize, ratio, note, memory[0], memory[1], latency,
                        goals(vigil, latency));
            } finally {
                for (Connection c : idle) {
                    c.close();
                }
            }
            print(out, result);
        }
        return 0;
    }

    private void progress(String what) {
        if (!json) {
            spec.commandLine().getErr().println("bench: " + what + " ...");
        }
    }

    // --- setup ----------------------------------------------------------------------------------------------

    private static String createPeerRole(LabNode primary) throws SQLException {
        String password = Long.toHexString(Double.doubleToLongBits(Math.random())) + Long.toHexString(System.nanoTime());
        try (Connection c = primary.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + PEER_ROLE + " LOGIN IN ROLE pg_monitor");
            c.unwrap(PGConnection.class).alterUserPassword(PEER_ROLE, password.toCharArray(), null);
        }
        return password;
    }

    /** Distinct statements: 10 query shapes over as many small tables as needed. */
    private static long fillStatements(LabNode primary, int count) throws SQLException {
        String[] shapes = {"SELECT a FROM %s WHERE a = 1", "SELECT a FROM %s WHERE a < 1", "SELECT a FROM %s WHERE a > 1",
            "SELECT a FROM %s ORDER BY a LIMIT 1", "SELECT count(*) FROM %s", "SELECT max(a) FROM %s",
            "SELECT min(a) FROM %s", "SELECT sum(a) FROM %s", "SELECT avg(a) FROM %s", "SELECT a, a FROM %s"};
        int tables = (count + shapes.length - 1) / shapes.length;
        try (Connection c = primary.connect(LabCluster.DATABASE); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench");
            for (int t = 0; t < tables; t++) {
                st.execute("CREATE TABLE bench.t" + t + " (a int)");
            }
            for (int t = 0; t < tables; t++) {
                for (String shape : shapes) {
                    st.execute(String.format(shape, "bench.t" + t));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_statements")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Connection> openIdle(LabNode primary, int n) throws SQLException {
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            open.add(primary.connect(LabCluster.DATABASE));
        }
        return open;
    }

    // --- measuring --------------------------------------------------------------------------------------------

    /** Cumulative calls and execution milliseconds of one role's statements, read by the superuser. */
    private static double[] serverTime(Connection meter, String role) throws SQLException {
        try (Statement st = meter.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COALESCE(sum(calls), 0), COALESCE(sum(total_exec_time), 0) FROM pg_stat_statements "
                        + "WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = '" + role + "')")) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2)};
        }
    }

    private Cost measureVigil(LabCluster cluster, LabNode primary) throws Exception {
        NodeEndpoint endpoint = LabInventory.of(cluster).nodes().stream()
                .filter(n -> n.name().equals(primary.name())).findFirst().orElseThrow();
        List<double[]> perTick = new CopyOnWriteArrayList<>();
        try (Connection meter = primary.connect(LabCluster.DATABASE);
             ClusterMonitor monitor = new ClusterMonitor(new ClusterDefinition("bench", List.of(endpoint)),
                     DefaultCollectors.all())) {
            NodeTicks ticks = new NodeTicks();
            double[][] last = {serverTime(meter, endpoint.user())};
            monitor.subscribeSamples(sample -> {
                if (!ticks.update(sample).isEmpty()) {
                    try {
                        double[] now = serverTime(meter, endpoint.user());
                        perTick.add(new double[] {now[0] - last[0][0], now[1] - last[0][1]});
                        last[0] = now;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            long started = System.nanoTime();
            monitor.start();
            Thread.sleep(seconds * 1000L);
            monitor.close();
            double elapsed = (System.nanoTime() - started) / 1e9;
            return cost("Vigil (all collectors, default cadence)", perTick, 1.0, elapsed);
        }
    }

    /** Where Vigil's server time went, by query: what to make cheaper, or run less often. */
    private static List<String> breakdown(LabNode primary, String role) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = primary.connect(LabCluster.DATABASE); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT calls, total_exec_time, "
                     + "regexp_replace(left(query, 200), '\\s+', ' ', 'g') FROM pg_stat_statements "
                     + "WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = '" + role + "') "
                     + "ORDER BY total_exec_time DESC LIMIT 10")) {
            while (rs.next()) {
                lines.add(String.format(java.util.Locale.ROOT, "%6d calls %9.1f ms total %7.3f ms each  %s",
                        rs.getLong(1), rs.getDouble(2), rs.getDouble(2) / Math.max(1, rs.getLong(1)),
                        rs.getString(3).substring(0, Math.min(90, rs.getString(3).length()))));
            }
        }
        return lines;
    }

    private Cost measurePeer(LabNode primary, String password, Path queryFolder, boolean skipDbSize)
            throws Exception {
        List<String> queries = peerQueries(queryFolder, skipDbSize);
        List<double[]> perRefresh = new ArrayList<>();
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", PEER_ROLE);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "pg_activity-peer");
        try (Connection meter = primary.connect(LabCluster.DATABASE);
             Connection peer = java.sql.DriverManager.getConnection(primary.jdbcUrl(LabCluster.DATABASE), props)) {
            double[] last = serverTime(meter, PEER_ROLE);
            int refreshes = Math.max(1, seconds / 2);
            for (int i = 0; i < refreshes; i++) {
                long start = System.nanoTime();
                try (Statement st = peer.createStatement()) {
                    for (String q : queries) {
                        try (ResultSet rs = st.executeQuery(q)) {
                            while (rs.next()) {
                                rs.getObject(1);
                            }
                        }
                    }
                }
                double[] now = serverTime(meter, PEER_ROLE);
                perRefresh.add(new double[] {now[0] - last[0], now[1] - last[1]});
                last = now;
                long rest = 2_000_000_000L - (System.nanoTime() - start);
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000);
                }
            }
        }
        return cost(skipDbSize ? "pg_activity 3 --no-db-size" : "pg_activity 3 (default)", perRefresh, 2.0,
                perRefresh.size() * 2.0);
    }

    /** pg_activity's default per-refresh SQL for PostgreSQL 13+, with its parameters filled in as it does. */
    static List<String> peerQueries(Path queryFolder, boolean skipDbSize) throws Exception {
        Map<String, String> params = new HashMap<>();
        params.put("skip_db_size", Boolean.toString(skipDbSize));
        params.put("prev_total_size", "0");
        params.put("using_rds", "false");
        params.put("dbname_filter", "NULL");
        params.put("min_duration", "0");
        List<String> files = List.of("get_server_info_post_110000.sql", "get_temporary_files_post_120000.sql",
                "get_wal_senders_post_090100.sql", "get_wal_receivers_post_090600.sql",
                "get_replication_slots_post_140000.sql", "get_pg_activity_post_130000.sql");
        List<String> sql = new ArrayList<>();
        for (String f : files) {
            String text = Files.readString(queryFolder.resolve(f)).replace("{duration_column}", "query_start");
            for (Map.Entry<String, String> p : params.entrySet()) {
                text = text.replace("%(" + p.getKey() + ")s", p.getValue());
            }
            sql.add(text);
        }
        return sql;
    }

    private static Cost cost(String tool, List<double[]> samples, double intervalSeconds, double elapsedSeconds) {
        double[] millis = samples.stream().mapToDouble(s -> s[1]).sorted().toArray();
        double calls = samples.stream().mapToDouble(s -> s[0]).sum();
        double total = samples.stream().mapToDouble(s -> s[1]).sum();
        return new Cost(tool, millis.length, intervalSeconds, percentile(millis, 0.5), percentile(millis, 0.95),
                millis.length == 0 ? 0 : calls / millis.length, total / elapsedSeconds);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static List<Long> lockAlertLatency(LabCluster cluster) throws Exception {
        List<Long> latencies = new ArrayList<>();
        Path journalFile = Files.createTempFile("vigil-bench-journal", ".jsonl");
        try (Journal journal = Journal.open(journalFile);
             ClusterMonitor monitor = new ClusterMonitor(LabInventory.of(cluster), DefaultCollectors.all());
             ClusterAlerts alerts = new ClusterAlerts(monitor, DefaultRules.all(AlertThresholds.defaults()), journal)) {
            List<AlertEvent> events = new CopyOnWriteArrayList<>();
            alerts.subscribe(events::add);
            alerts.start();
            monitor.start();
            Waits.until(Duration.ofSeconds(20), "the monitor", () -> monitor.sample().status().reachableCount() > 0);
            for (int run = 0; run < LOCK_ALERT_RUNS; run++) {
                int before = raisedBlocked(events);
                int clearedBefore = clearedBlocked(events);
                try (Connection holder = cluster.primary().connect(LabCluster.DATABASE);
                     Connection waiter = cluster.primary().connect(LabCluster.DATABASE)) {
                    holder.setAutoCommit(false);
                    execute(holder, "UPDATE shop.products SET stock = stock WHERE id = 3");
                    long formed = System.nanoTime();
                    CompletableFuture<Void> waits = CompletableFuture.runAsync(
                            () -> execute(waiter, "UPDATE shop.products SET stock = stock + 1 WHERE id = 3"));
                    Waits.until(Duration.ofSeconds(20), "the blocked-sessions alert", () -> raisedBlocked(events) > before);
                    latencies.add((System.nanoTime() - formed) / 1_000_000);
                    holder.rollback();
                    waits.get();
                }
                Waits.until(Duration.ofSeconds(20), "the alert to clear",
                        () -> thisRunsAlertCleared(events, clearedBefore));
            }
        } finally {
            Files.deleteIfExists(journalFile);
        }
        return latencies;
    }

    /**
     * Whether the blocked-sessions alert this run raised has cleared: a clear since the run began, and no raise
     * left without its clear (the next run must start with no alert active, or its raise would not be seen).
     */
    static boolean thisRunsAlertCleared(List<AlertEvent> events, int clearedBeforeRun) {
        int cleared = clearedBlocked(events);
        return cleared > clearedBeforeRun && cleared >= raisedBlocked(events);
    }

    static List<Goal> goals(Cost vigil, List<Long> lockAlertLatencies) {
        boolean measured = vigil.refreshes() > 0;
        return List.of(
                new Goal("Vigil's server time per tick, p95 <= " + (int) TICK_P95_GOAL_MILLIS + " ms",
                        measured ? String.format(java.util.Locale.ROOT, "%.2f ms over %d ticks", vigil.p95Millis(),
                                vigil.refreshes()) : "no tick measured",
                        measured && vigil.p95Millis() <= TICK_P95_GOAL_MILLIS),
                new Goal("Vigil's server time per second of monitoring <= " + (int) COST_GOAL_MILLIS_PER_SECOND + " ms",
                        measured ? String.format(java.util.Locale.ROOT, "%.2f ms/s", vigil.millisPerSecond())
                                : "no tick measured",
                        measured && vigil.millisPerSecond() <= COST_GOAL_MILLIS_PER_SECOND),
                lockAlertGoal(lockAlertLatencies));
    }

    /** The goal of ADR 0013, decided: every run's lock chain alerted within the goal. */
    static Goal lockAlertGoal(List<Long> latencies) {
        String goal = "lock chain to blocked-sessions alert <= " + LOCK_ALERT_GOAL_MILLIS + " ms in every run";
        if (latencies.size() < LOCK_ALERT_RUNS) {
            return new Goal(goal, latencies.size() + " of " + LOCK_ALERT_RUNS + " runs measured", false);
        }
        long worst = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
        return new Goal(goal, "worst " + worst + " ms of " + latencies, worst <= LOCK_ALERT_GOAL_MILLIS);
    }

    /**
     * pg_activity 3's query folder beside the first {@code pg_activity} on {@code path}: the script's prefix
     * ({@code /usr}, a virtualenv, {@code ~/.local}) holds {@code lib/python3/dist-packages} (Debian) or
     * {@code lib/python3.N/site-packages} (pip). Symbolic links (pipx) are followed to the real script.
     */
    static Optional<Path> findPgActivityQueries(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path script = Path.of(dir, "pg_activity");
            if (!Files.isRegularFile(script) || !Files.isExecutable(script)) {
                continue;
            }
            try {
                Path prefix = script.toRealPath().getParent().getParent();
                Path lib = prefix == null ? null : prefix.resolve("lib");
                if (lib == null || !Files.isDirectory(lib)) {
                    continue;
                }
                try (java.util.stream.Stream<Path> pythons = Files.list(lib)) {
                    Optional<Path> found = pythons.filter(p -> p.getFileName().toString().startsWith("python3"))
                            .sorted()
                            .flatMap(p -> java.util.stream.Stream.of(p.resolve("dist-packages"), p.resolve("site-packages")))
                            .map(p -> p.resolve("pgactivity").resolve("queries"))
                            .filter(Files::isDirectory)
                            .findFirst();
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } catch (java.io.IOException unreadable) {
                // an entry of PATH we cannot read: try the next
            }
        }
        return Optional.empty();
    }

    private static int raisedBlocked(List<AlertEvent> events) {
        return (int) events.stream().filter(e -> e.kind() == AlertEvent.Kind.RAISED
                && e.finding().rule().equals("blocked-sessions")).count();
    }

    private static int clearedBlocked(List<AlertEvent> events) {
        return (int) events.stream().filter(e -> e.kind() == AlertEvent.Kind.CLEARED
                && e.finding().rule().equals("blocked-sessions")).count();
    }

    /** One hour of history for 10 nodes (two standbys each, three wait classes), filled synthetically. */
    static long[] historyMemory() {
        NodeEndpoint e = new NodeEndpoint("n", "127.0.0.1", 1, "d", "u", "p");
        ClusterMonitor monitor = new ClusterMonitor(new ClusterDefinition("mem", List.of(e)), List.of());
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        try (ClusterHistory history = new ClusterHistory(monitor, ClusterHistory.DEFAULT_SPAN)) {
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int node = 0; node < 10; node++) {
                NodeSample previous = null;
                for (int tick = 0; tick < history.capacity() + 10; tick++) {
                    NodeSample s = syntheticSample("n" + node, tick, t0.plusSeconds(tick));
                    history.record(Optional.ofNullable(previous), s);
                    previous = s;
                }
            }
            System.gc();
            long heapAfter = rt.totalMemory() - rt.freeMemory();
            return new long[] {history.retainedBytes(), heapAfter - heapBefore};
        } finally {
            monitor.close();
        }
    }

    private static NodeSample syntheticSample(String node, int tick, Instant at) {
        NodeStatus status = new NodeStatus(node, "127.0.0.1:1", NodeStatus.Reachability.UP, "", "17.6", 170006, false,
                Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(), Optional.empty(), Optional.empty(), at,
                Duration.ZERO);
        List<SessionActivity> sessions = new ArrayList<>();
        for (String wait : List.of("", "Lock", "IO")) {
            sessions.add(new SessionActivity(1, "u", "d", "a", "", "client backend", "active", wait, "", Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", at));
        }
        Map<String, Metric<?>> m = new HashMap<>();
        m.put("activity", new Metric.Available<>(new ActivitySnapshot(at, sessions, WaitProfile.of(sessions)), at));
        m.put("database", new Metric.Available<>(new DatabaseCounters(at, 1000L * tick, tick, 0, 0, 0, 0, 0, 100L * tick,
                tick, 0, 0, 0, Optional.of(Instant.EPOCH), 10, 100), at));
        m.put("locks", new Metric.Available<>(new LockSnapshot(at, List.of()), at));
        List<StandbyLink> links = List.of("s1", "s2").stream().map(name -> new StandbyLink(1, name, "", "streaming",
                "async", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0, tick % 100,
                Optional.empty(), Optional.empty(), Optional.of(0.01), Optional.empty())).toList();
        m.put("replication", new Metric.Available<>(new ReplicationSnapshot(at, links, List.of(), Optional.empty()), at));
        return new NodeSample("mem", node, tick + 1, at, status, m);
    }

    private static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void print(PrintWriter out, Result r) throws Exception {
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(r));
            out.flush();
            return;
        }
        out.printf("vigil bench monitor: %s; %d connections (%d busy), %d pg_stat_statements entries, %d s each%n%n",
                r.server(), r.openConnections(), r.busyConnections(), r.statementEntries(), r.seconds());
        out.printf("%-42s %9s %9s %9s %12s %9s%n", "server execution time", "refreshes", "median", "p95",
                "statements", "ms/s");
        for (Cost c : List.of(Optional.of(r.vigil()), r.pgActivity(), r.pgActivityNoDbSize()).stream()
                .flatMap(Optional::stream).toList()) {
            out.printf(java.util.Locale.ROOT, "%-42s %9d %7.2f ms %7.2f ms %12.1f %9.2f%n", c.tool() + " every "
                    + (int) c.intervalSeconds() + " s", c.refreshes(), c.medianMillis(), c.p95Millis(),
                    c.statementsPerRefresh(), c.millisPerSecond());
        }
        out.println("(Vigil sends a tick's statements in one round trip, plus 3 more every 30th tick for pg_stat_statements;"
                + " pg_activity sends one round trip per statement.)");
        out.println("Vigil's server time by query:");
        r.vigilByQuery().forEach(l -> out.println("  " + l));
        r.ratio().ifPresent(x -> out.printf(java.util.Locale.ROOT,
                "Vigil's amortised cost is %.2f x pg_activity's at its default refresh%n", x));
        out.println(r.peerNote());
        out.printf("%nhistory, 1 h at 1 s for 10 nodes: %d KiB in series arrays (heap measured: %d KiB)%n",
                r.historyBytesFor10NodesOneHour() / 1024, r.historyHeapBytesMeasured() / 1024);
        out.printf("lock chain to blocked-sessions alert (1 s interval): %s ms%n", r.lockAlertLatencyMillis());
        out.println();
        out.println("Goals:");
        r.goals().forEach(g -> out.printf(java.util.Locale.ROOT, "  [%s] %s: %s%n", g.met() ? "met" : "NOT MET",
                g.goal(), g.measured()));
        out.flush();
    }
}
