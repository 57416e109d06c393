package dev.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.journal.Journal;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.Workload;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.DefaultCollectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts raised and cleared by real trouble on a lab, each written to the journal. */
class AlertsOnLabTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void lagBlockingAndSplitBrainAreRaisedAndClearedIntoTheJournal() throws Exception {
        Path journalFile = dir.resolve("journal.jsonl");
        List<AlertEvent> events = new CopyOnWriteArrayList<>();
        try (Lab lab = Lab.open(); Journal journal = Journal.open(journalFile)) {
            LabCluster cluster = lab.createCluster("alerts", 2);
            try (ClusterMonitor monitor = new ClusterMonitor(LabInventory.of(cluster),
                    MonitorConnectionSettings.defaults(), DefaultCollectors.all());
                 ClusterAlerts alerts = new ClusterAlerts(monitor,
                         DefaultRules.all(AlertThresholds.defaults().withReplicationLag(256 * 1024, 3)), journal)) {
                alerts.subscribe(events::add);
                alerts.start();
                monitor.start();
                Waits.until(WAIT, "a quiet cluster", () -> monitor.sample().status().reachableCount() == 3);

                // Replication lag: paused replay under writes.
                LabNode pg2 = cluster.node("pg2");
                try (Workload workload = Workload.start(cluster, new Workload.Settings(100, 1.0, 2))) {
                    pg2.pauseReplay();
                    Waits.until(WAIT, "the lag alert for pg2", () -> raised(events, "replication-lag", "pg2"));
                    pg2.resumeReplay();
                }
                Waits.until(WAIT, "the lag alert for pg2 to clear", () -> cleared(events, "replication-lag", "pg2"));

                // A lock chain: detection latency from the moment the waiter queues.
                try (Connection holder = cluster.primary().connect(LabCluster.DATABASE);
                     Connection waiter = cluster.primary().connect(LabCluster.DATABASE)) {
                    holder.setAutoCommit(false);
                    execute(holder, "UPDATE shop.products SET stock = stock WHERE id = 7");
                    long formed = System.nanoTime();
                    CompletableFuture<Void> waits = CompletableFuture.runAsync(() -> execute(waiter,
                            "UPDATE shop.products SET stock = stock + 1 WHERE id = 7"));
                    Waits.until(WAIT, "the blocked-sessions alert", () -> raised(events, "blocked-sessions", "pg1"));
                    System.out.printf("[alerts] lock chain to blocked-sessions alert: %d ms (goal <= 2000 ms at a "
                            + "1 s interval; the rule wants a wait of 0.5 s)%n", (System.nanoTime() - formed) / 1_000_000);
                    holder.rollback();
                    waits.get();
                }
                Waits.until(WAIT, "the blocked-sessions alert to clear", () -> cleared(events, "blocked-sessions", "pg1"));

                // Split-brain: a standby promoted behind the cluster's back.
                cluster.node("pg3").promote();
                Waits.until(WAIT, "the two-primaries alert", () -> raised(events, "two-primaries", ""));
            }
        }
        List<String> lines = Files.readAllLines(journalFile);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"kind\":\"alert.raised\"")
                .contains("\"rule\":\"replication-lag\"").contains("\"node\":\"pg2\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"kind\":\"alert.cleared\"")
                .contains("\"rule\":\"blocked-sessions\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"rule\":\"two-primaries\"")
                .contains("split-brain"));
    }

    private static boolean raised(List<AlertEvent> events, String rule, String node) {
        return events.stream().anyMatch(e -> e.kind() == AlertEvent.Kind.RAISED && e.finding().rule().equals(rule)
                && e.finding().node().equals(node));
    }

    private static boolean cleared(List<AlertEvent> events, String rule, String node) {
        return events.stream().anyMatch(e -> e.kind() == AlertEvent.Kind.CLEARED && e.finding().rule().equals(rule)
                && e.finding().node().equals(node));
    }

    private static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
