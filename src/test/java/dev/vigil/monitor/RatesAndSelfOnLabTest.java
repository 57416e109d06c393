package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.VigilApplications;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.host.PgBinaries;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.Workload;
import dev.vigil.monitor.activity.ActivityCollector;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.database.DatabaseCollector;
import dev.vigil.monitor.database.DatabaseCounters;
import dev.vigil.monitor.database.DatabaseRates;
import dev.vigil.monitor.database.DatabaseWindow;
import dev.vigil.monitor.lockwaits.LockWaitCollector;
import dev.vigil.monitor.replication.ReplicationCollector;
import dev.vigil.monitor.statements.StatementDeltas;
import dev.vigil.monitor.statements.StatementRate;
import dev.vigil.monitor.statements.StatementsCollector;
import dev.vigil.monitor.statements.StatementsSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * TPS that is right, and Vigil that does not count itself, on a real lab (the machine's PostgreSQL when it has
 * one: 15+ flushes pg_stat_database about once a second, which is what made one-second rates wrong).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RatesAndSelfOnLabTest {
    private static final double RATE = 400;
    private static final Duration MEASURED = Duration.ofSeconds(30);
    private MonitoredLab lab;
    private LabCluster cluster;
    private ClusterMonitor monitor;
    private final NodeTicks ticks = new NodeTicks();
    private final List<NodeSample> pg1Ticks = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        // Statements every 2 ticks, so the test sees intervals soon; everything else at the default cadence.
        lab = MonitoredLab.open(PgBinaries.systemInstallation(), "rates", 1,
                List.of(new ActivityCollector(), new DatabaseCollector(), new ReplicationCollector(),
                        new LockWaitCollector(), new StatementsCollector(2)));
        cluster = lab.cluster();
        monitor = lab.monitor();
        monitor.subscribeSamples(sample -> ticks.update(sample).stream().filter(n -> n.node().equals("pg1"))
                .forEach(pg1Ticks::add));
        monitor.start();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Optional<DatabaseRates> rates(String node, boolean includeSelf) {
        return ticks.latest(node).filter(s -> s.status().isUp()).flatMap(s -> s.value(DatabaseWindow.class))
                .flatMap(w -> w.rates(includeSelf));
    }

    @Test
    @Order(1)
    void onAnIdleLabVigilsOwnTransactionsSessionsAndStatementsAppearOnlyWhenAskedFor() {
        Waits.until(Duration.ofSeconds(30), "full rate windows on both nodes",
                () -> rates("pg1", false).isPresent() && rates("pg2", false).isPresent());
        // Transactions: the standby runs nothing but Vigil's reads.
        List<Double> standby = new ArrayList<>();
        List<Double> standbyWithSelf = new ArrayList<>();
        List<Integer> monitorBackends = new ArrayList<>();
        long from = ticks.latest("pg2").orElseThrow().tick();
        for (long t = from + 1; t <= from + 6; t++) {
            long wanted = t;
            Waits.until(Duration.ofSeconds(10), "pg2 tick " + t, () -> ticks.latest("pg2").orElseThrow().tick() >= wanted);
            standby.add(rates("pg2", false).orElseThrow().transactionsPerSecond());
            standbyWithSelf.add(rates("pg2", true).orElseThrow().transactionsPerSecond());
            ticks.latest("pg2").flatMap(s -> s.value(DatabaseCounters.class)).map(DatabaseCounters::ownBackend)
                    .ifPresent(monitorBackends::add);
        }
        assertThat(monitorBackends).as("one monitoring connection, kept open between ticks: one backend pid")
                .hasSizeGreaterThanOrEqualTo(6).containsOnly(monitorBackends.get(0));
        System.out.printf(Locale.ROOT, "[rates] idle standby tx/s (5 s avg): without Vigil %s, with Vigil %s%n",
                standby, standbyWithSelf);
        assertThat(standby).allSatisfy(tps -> assertThat(tps).isLessThan(0.5));
        assertThat(standbyWithSelf).allSatisfy(tps -> assertThat(tps).isGreaterThan(0.9));
        assertThat(rates("pg1", false).orElseThrow().transactionsPerSecond()).isLessThan(0.5);

        // A second Vigil (another window, a vigil watch) on the same cluster: its sessions are Vigil's too. (Its
        // transactions are not this one's to subtract, so it comes after the standby's rates are read.)
        try (ClusterMonitor other = new ClusterMonitor(LabInventory.of(cluster), MonitorConnectionSettings.defaults(),
                List.of(new ActivityCollector()))) {
            other.start();
            Waits.until(Duration.ofSeconds(30), "the other Vigil's session in pg1's activity", () -> ticks.latest("pg1")
                    .flatMap(s -> s.value(ActivitySnapshot.class)).map(a -> a.sessions().stream()
                            .anyMatch(SessionActivity::isVigil)).orElse(false));
            ActivitySnapshot activity = ticks.latest("pg1").flatMap(s -> s.value(ActivitySnapshot.class)).orElseThrow();
            assertThat(activity.visible(false).sessions()).noneMatch(s -> VigilApplications.isVigil(s.application()));
            assertThat(activity.visible(true).sessions()).anyMatch(s -> s.application().equals(VigilApplications.MONITOR));
            assertThat(activity.visible(false).clientSessions()).isLessThan(activity.visible(true).clientSessions());
        }

        // Statements: on an idle lab every entry is Vigil's (its monitoring role is dedicated), so none is shown.
        Waits.until(Duration.ofSeconds(30), "two statements reads with an interval between them",
                () -> statementsInterval().isPresent());
        StatementsSnapshot[] pair = statementsInterval().orElseThrow();
        assertThat(pair[1].ownRole()).as("vigil_monitor is a dedicated role").isPresent();
        List<StatementRate> withSelf = StatementDeltas.between(pair[0].visible(true), pair[1].visible(true));
        List<StatementRate> without = StatementDeltas.between(pair[0].visible(false), pair[1].visible(false));
        assertThat(withSelf).anySatisfy(r -> assertThat(pair[1].text(r.queryId())).hasValueSatisfying(
                text -> assertThat(text).contains("pg_stat_activity")));
        assertThat(without).noneMatch(r -> pair[1].text(r.queryId()).map(RatesAndSelfOnLabTest::isVigilsSql)
                .orElse(false));
        assertThat(pair[1].visible(false).entries().keySet())
                .noneMatch(k -> k.userId() == pair[1].ownRole().orElseThrow());
    }

    @Test
    @Order(2)
    void monitoringAsTheSuperuserStillLeavesOutVigilsOwnStatements() {
        // A shared role: nobody can tell Vigil's entries by role, so they are known by their leading comment.
        ClusterDefinition asSuperuser = new ClusterDefinition("rates-su", cluster.nodes().stream()
                .map(n -> new NodeEndpoint(n.name(), n.host(), n.port(), LabCluster.DATABASE, LabCredentials.SUPERUSER,
                        cluster.credentials().superuserPassword())).toList(), ClusterDefinition.DEFAULT_INTERVAL);
        List<StatementsSnapshot> reads = new CopyOnWriteArrayList<>();
        try (ClusterMonitor su = new ClusterMonitor(asSuperuser, MonitorConnectionSettings.defaults(),
                List.of(new ActivityCollector(), new DatabaseCollector(), new StatementsCollector(1)))) {
            su.subscribeSamples(sample -> sample.nodes().stream().filter(n -> n.node().equals("pg1"))
                    .forEach(n -> n.value(StatementsSnapshot.class).ifPresent(reads::add)));
            su.start();
            Waits.until(Duration.ofSeconds(30), "a statements read that knows the texts of Vigil's statements",
                    () -> reads.stream().anyMatch(r -> r.texts().values().stream()
                            .anyMatch(RatesAndSelfOnLabTest::isVigilsSql)));
        }
        StatementsSnapshot last = reads.get(reads.size() - 1);
        assertThat(last.ownRole()).as("postgres is a superuser, not a dedicated role").isEmpty();
        assertThat(last.visible(true).entries().keySet()).anyMatch(k -> last.text(k.queryId())
                .map(RatesAndSelfOnLabTest::isVigilsSql).orElse(false));
        assertThat(last.visible(false).entries().keySet()).noneMatch(k -> last.text(k.queryId())
                .map(t -> t.contains(MonitorSql.MARK.strip())).orElse(false));
        assertThat(last.visible(false).entries().keySet()).noneMatch(k -> last.text(k.queryId())
                .map(t -> t.contains("pg_stat_activity a") || t.contains("pg_stat_statements(")).orElse(false));
    }

    /** The last two distinct statements reads of pg1. */
    private Optional<StatementsSnapshot[]> statementsInterval() {
        List<StatementsSnapshot> reads = new ArrayList<>();
        for (NodeSample s : pg1Ticks) {
            s.value(StatementsSnapshot.class).filter(r -> reads.isEmpty() || !reads.get(reads.size() - 1).at()
                    .equals(r.at())).ifPresent(reads::add);
        }
        return reads.size() < 2 ? Optional.empty()
                : Optional.of(new StatementsSnapshot[] {reads.get(reads.size() - 2), reads.get(reads.size() - 1)});
    }

    private static boolean isVigilsSql(String text) {
        return text.contains("pg_stat_activity") || text.contains("pg_stat_database")
                || text.contains("pg_stat_statements") || text.contains("pg_stat_replication");
    }

    @Test
    @Order(3)
    void atAFixedRateTpsReadingsAfterWarmUpFollowWhatTheLoadCommitted() {
        LoadLedger ledger = new LoadLedger();
        ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor();
        try (Workload workload = Workload.start(cluster, new Workload.Settings(RATE, 0.5, 4))) {
            recorder.scheduleAtFixedRate(() -> ledger.record(workload::transactions), 0, 100, TimeUnit.MILLISECONDS);
            measure("Workload " + RATE + " tx/s", ledger);
        } finally {
            recorder.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void atPgbenchRate400TpsReadingsAfterWarmUpFollowWhatTheLoadCommitted() throws Exception {
        Path pgbench = cluster.binaries().program("pgbench");
        if (!Files.isExecutable(pgbench)) {
            System.out.println("[rates] SKIPPED the pgbench -R 400 test: no pgbench in " + cluster.binaries()
                    + "; the Workload test above drives the same fixed rate.");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no pgbench");
        }
        String port = Integer.toString(cluster.primary().port());
        run(List.of(pgbench.toString(), "-i", "-s", "1", "-q", "-h", LabCredentials.HOST, "-p", port, "-U",
                LabCredentials.SUPERUSER, LabCluster.DATABASE), Duration.ofSeconds(120));
        long seconds = MEASURED.toSeconds() + 20;
        ProcessBuilder builder = new ProcessBuilder(pgbench.toString(), "-n", "-R", Long.toString((long) RATE), "-P",
                "1", "--progress-timestamp", "-c", "4", "-j", "2", "-T", Long.toString(seconds), "-h", LabCredentials.HOST,
                "-p", port, "-U", LabCredentials.SUPERUSER, LabCluster.DATABASE).redirectErrorStream(true);
        builder.environment().put("PGPASSFILE", lab.lab().pgpassFile().toString());
        Process bench = builder.start();
        try {
            measure("pgbench -R " + (long) RATE, LoadLedger.ofPgbenchProgress(bench.getInputStream()));
        } finally {
            bench.destroy();
            bench.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits out the warm-up (the load starting, then a full window of it), then takes every pg1 reading for
     * {@link #MEASURED} and asserts nearly each is within ±10 % of what the load itself committed over the same
     * window (its own ledger), and none beyond ±25 %. Prints how far the readings were from the asked-for rate, and what one-tick deltas (the
     * old way, Vigil included) said over the same ticks.
     */
    private void measure(String load, LoadLedger ledger) {
        Waits.until(Duration.ofSeconds(30), load + " running", () -> rates("pg1", false)
                .map(r -> r.transactionsPerSecond() > RATE / 2).orElse(false));
        long warm = ticks.latest("pg1").orElseThrow().tick() + DatabaseWindow.DEFAULT_SPAN.toSeconds();
        Waits.until(Duration.ofSeconds(20), "warm-up", () -> ticks.latest("pg1").orElseThrow().tick() >= warm);
        int firstIndex = pg1Ticks.size();
        long end = warm + MEASURED.toSeconds();
        Waits.until(MEASURED.plusSeconds(20), "the measured ticks", () -> ticks.latest("pg1").orElseThrow().tick() >= end);
        List<NodeSample> measured = List.copyOf(pg1Ticks.subList(firstIndex, pg1Ticks.size()));
        // the load's ledger must cover the last window: pgbench reports each second at its end
        Instant lastRead = measured.get(measured.size() - 1).value(DatabaseWindow.class)
                .flatMap(DatabaseWindow::newest).orElseThrow().at();
        Waits.until(Duration.ofSeconds(5), "the load's account of the last window",
                () -> ledger.rate(lastRead.minusSeconds(1), lastRead).isPresent());
        List<Double> window = new ArrayList<>();
        List<Double> loadOwn = new ArrayList<>();
        List<Double> oneTick = new ArrayList<>();
        NodeSample previous = pg1Ticks.get(firstIndex - 1);
        for (NodeSample s : measured) {
            Optional<DatabaseWindow> w = s.value(DatabaseWindow.class);
            Optional<Double> reading = w.flatMap(DatabaseWindow::rates).map(DatabaseRates::transactionsPerSecond);
            Optional<Double> own = w.filter(x -> x.reads().size() >= 2).flatMap(x -> closestOwnRate(ledger,
                    x.reads().get(0).at(), x.reads().get(x.reads().size() - 1).at(), reading.orElse(RATE)));
            if (reading.isPresent() && own.isPresent()) {
                window.add(reading.get());
                loadOwn.add(own.get());
            }
            Optional<DatabaseCounters> before = previous.value(DatabaseCounters.class);
            s.value(DatabaseCounters.class).flatMap(c -> before.flatMap(b -> DatabaseRates.between(b, c, true)))
                    .map(DatabaseRates::transactionsPerSecond).ifPresent(oneTick::add);
            previous = s;
        }
        DoubleSummaryStatistics w = window.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        DoubleSummaryStatistics o = oneTick.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        List<Double> off = new ArrayList<>();
        for (int k = 0; k < window.size(); k++) {
            off.add((window.get(k) - loadOwn.get(k)) / loadOwn.get(k) * 100);
        }
        DoubleSummaryStatistics d = off.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        DoubleSummaryStatistics l = loadOwn.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        System.out.printf(Locale.ROOT, "[rates] %s on %s: %d readings over 5 s windows %.1f..%.1f (%+.1f %% .. %+.1f %% of "
                        + "the asked-for rate), one-tick deltas %.1f..%.1f (%+.1f %% .. %+.1f %%); the load's own "
                        + "count over the same windows %.1f..%.1f tx/s, readings %+.1f %% .. %+.1f %% from it%n", load,
                cluster.binaries().version(), w.getCount(), w.getMin(), w.getMax(), pct(w.getMin()), pct(w.getMax()),
                o.getMin(), o.getMax(), pct(o.getMin()), pct(o.getMax()), l.getMin(), l.getMax(), d.getMin(), d.getMax());
        System.out.println("[rates] readings: " + window.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        System.out.println("[rates] the load's own: " + loadOwn.stream().map(v -> String.format(Locale.ROOT, "%.0f", v))
                .toList());
        assertThat(window).hasSizeGreaterThanOrEqualTo((int) MEASURED.toSeconds() - 2);
        assertThat(l.getMin()).as("the load ran").isGreaterThan(RATE / 4);
        // A backend flushes its counters at most once a second, and later when the shared entry is contended
        // (PostgreSQL retries a skipped flush for up to a minute): on a saturated machine a 5 s window now and
        // then holds a burst. Nearly every reading must be within 10 % of what the load did; none beyond 25 %.
        long outside = off.stream().filter(x -> Math.abs(x) > 10).count();
        System.out.printf(Locale.ROOT, "[rates] %s: %d of %d readings outside ±10 %% of the load's own count%n", load,
                outside, off.size());
        assertThat(outside).as("readings outside ±10 %% of the load's own count: %s", off)
                .isLessThanOrEqualTo(off.size() / 5);
        for (int k = 0; k < window.size(); k++) {
            assertThat(window.get(k)).as("reading %d against the load's own %.1f tx/s", k, loadOwn.get(k))
                    .isBetween(loadOwn.get(k) * 0.75, loadOwn.get(k) * 1.25);
        }
    }

    /**
     * The load's own rate over the reading's window, or over that window moved back by up to a second, whichever
     * is closest to the reading: a backend flushes its counters to pg_stat_database at most once a second, so
     * the server's count trails the commits by up to that much.
     */
    private static Optional<Double> closestOwnRate(LoadLedger ledger, Instant from, Instant to, double reading) {
        Optional<Double> best = Optional.empty();
        for (long lagMillis = 0; lagMillis <= 1000; lagMillis += 100) {
            Optional<Double> own = ledger.rate(from.minusMillis(lagMillis), to.minusMillis(lagMillis));
            if (own.isPresent() && (best.isEmpty() || Math.abs(own.get() - reading) < Math.abs(best.get() - reading))) {
                best = own;
            }
        }
        return best;
    }

    private static double pct(double v) {
        return (v - RATE) / RATE * 100;
    }

    private Process process(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PGPASSFILE", lab.lab().pgpassFile().toString());
        return builder.start();
    }

    private void run(List<String> command, Duration timeout) throws Exception {
        Process p = process(command);
        assertThat(p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    }
}
