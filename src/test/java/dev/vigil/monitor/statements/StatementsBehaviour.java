package dev.vigil.monitor.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.OneNodeLab;
import dev.vigil.lab.host.Waits;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.activity.ActivityCollector;
import dev.vigil.monitor.database.DatabaseCollector;
import dev.vigil.monitor.lockwaits.LockWaitCollector;
import dev.vigil.monitor.replication.ReplicationCollector;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** pg_stat_statements read as the pg_monitor role, with its deltas, its reset, and its absence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatementsBehaviour {
    private static final String KNOWN = "SELECT count(*) AS vigil_statements_test FROM shop.orders WHERE status = 'x'";
    private OneNodeLab lab;
    private LabCluster cluster;
    private LabNode node;
    private int versionNum;

    abstract Optional<Path> pgBin();

    @BeforeAll
    void start() {
        lab = OneNodeLab.open(pgBin(), "stmts");
        cluster = lab.cluster();
        node = lab.node();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Connection monitor(String database) throws SQLException {
        Connection c = lab.monitor(database);
        versionNum = OneNodeLab.versionNum(c);
        return c;
    }

    @Test
    void aKnownQueryRunHundredTimesShowsHundredCallsAndAResetShowsNoNegativeRate() throws Exception {
        StatementsCollector collector = new StatementsCollector();
        try (Connection m = monitor(LabCluster.DATABASE); Connection app = node.connect(LabCluster.DATABASE)) {
            run(app, KNOWN, 1); // creates the entry, so the interval below has a past to compare with
            StatementsSnapshot before = collector.collect(m, versionNum, Optional.empty());
            long queryId = before.texts().entrySet().stream().filter(e -> e.getValue().contains("vigil_statements_test"))
                    .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
            run(app, KNOWN, 100);
            StatementsSnapshot after = collector.collect(m, versionNum, Optional.of(before));
            StatementRate rate = StatementDeltas.between(before, after).stream().filter(r -> r.queryId() == queryId)
                    .findFirst().orElseThrow();
            assertThat(rate.calls()).isEqualTo(100);
            assertThat(rate.meanMillis()).isPresent();
            assertThat(after.text(queryId)).hasValueSatisfying(t -> assertThat(t).contains("shop.orders"));

            run(app, "SELECT pg_stat_statements_reset()", 1);
            StatementsSnapshot afterReset = collector.collect(m, versionNum, Optional.of(after));
            assertThat(StatementDeltas.between(after, afterReset))
                    .allSatisfy(r -> {
                        assertThat(r.callsPerSecond()).isNotNegative();
                        assertThat(r.totalMillisPerSecond()).isNotNegative();
                        assertThat(r.calls()).isLessThan(100);
                    });
            // The reset removed the entry. Re-created with nothing evicted since the last read (14+ counts
            // evictions), it started after that read: its one call is this interval's, no more...
            run(app, KNOWN, 1);
            StatementsSnapshot recreated = collector.collect(m, versionNum, Optional.of(afterReset));
            assertThat(StatementDeltas.between(afterReset, recreated)).filteredOn(r -> r.queryId() == queryId)
                    .singleElement().satisfies(r -> assertThat(r.calls()).isEqualTo(1));
            // ...and the next interval counts normally again.
            run(app, KNOWN, 30);
            StatementsSnapshot later = collector.collect(m, versionNum, Optional.of(recreated));
            assertThat(StatementDeltas.between(recreated, later)).filteredOn(r -> r.queryId() == queryId)
                    .singleElement().satisfies(r -> assertThat(r.calls()).isEqualTo(30));
        }
    }

    @Test
    void aDatabaseWithoutTheExtensionGivesAnUnavailableMetricWithTheFixAndTheRestWorks() throws Exception {
        try (Connection m = monitor("postgres")) {
            assertThatThrownBy(() -> new StatementsCollector().collect(m, versionNum, Optional.empty()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("not installed in database postgres");
        }
        ClusterDefinition lab = LabInventory.of(cluster);
        NodeEndpoint n = lab.nodes().get(0);
        ClusterDefinition onPostgresDb = new ClusterDefinition("nostmts", List.of(new NodeEndpoint(n.name(), n.host(),
                n.port(), "postgres", n.user(), n.password())));
        StatementsCollector statements = new StatementsCollector(1);
        ActivityCollector activity = new ActivityCollector();
        try (ClusterMonitor monitor = new ClusterMonitor(onPostgresDb, MonitorConnectionSettings.defaults(),
                List.of(activity, new DatabaseCollector(), new ReplicationCollector(), new LockWaitCollector(),
                        statements))) {
            monitor.start();
            Waits.until(Duration.ofSeconds(20), "the statements metric to be marked unavailable", () -> monitor
                    .sample().nodes().get(0).metric(statements) instanceof Metric.Unavailable);
            NodeSample sample = monitor.sample().nodes().get(0);
            Metric.Unavailable<StatementsSnapshot> why = (Metric.Unavailable<StatementsSnapshot>) sample.metric(statements);
            assertThat(why.reason()).contains("pg_stat_statements is not installed in database postgres");
            assertThat(why.fix()).contains("CREATE EXTENSION pg_stat_statements");
            assertThat(sample.status().isUp()).isTrue();
            // Every other metric works: activity, database (its counters and their rate window), replication, locks.
            assertThat(sample.metrics().values()).filteredOn(Metric::isAvailable).hasSize(5);
        }
    }

    private static void run(Connection c, String sql, int times) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < times; i++) {
                st.execute(sql);
            }
        }
    }
}
