package dev.vigil.lab;

import dev.vigil.lab.host.ControlFile;
import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.AckedCommit;
import dev.vigil.lab.workload.Workload;
import dev.vigil.lab.workload.WriteOutage;
import dev.vigil.sql.Lsn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/**
 * What a lab cluster must do, against real servers: one 3-node cluster per class, exercised in order from
 * plain streaming to a switchover under load. Subclasses choose the PostgreSQL binaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LabClusterBehaviour {
    private static final Duration WAIT = Duration.ofSeconds(30);
    Lab lab;
    LabCluster cluster;

    /** The bin directory to test, or empty for the Maven default. */
    abstract Optional<Path> pgBin();

    @BeforeAll
    void startCluster() {
        lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin().orElse(null)));
        cluster = lab.createCluster("test", 2);
        System.out.printf("[lab] %s: 3-node cluster streaming in %d ms%n%s%n", lab.binaries(),
                cluster.startupTimings().total().toMillis(), cluster.startupTimings());
    }

    @AfterAll
    void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void primaryStreamsToTwoStandbysAndTheirRowsMatch() throws SQLException {
        LabNode primary = cluster.primary();
        assertThat(primary.name()).isEqualTo("pg1");
        assertThat(cluster.streamingStandbys(primary)).containsExactlyInAnyOrder("pg2", "pg3");

        String marker = "replicated-" + UUID.randomUUID();
        execute(primary, "INSERT INTO shop.customers (name, email, country) VALUES ('Lab Test', '" + marker
                + "@example.com', 'DE')");
        for (LabNode standby : cluster.standbys()) {
            assertThat(standby.isInRecovery()).isTrue();
            Waits.until(WAIT, "the new row on " + standby.name(),
                    () -> countCustomers(standby, marker + "@example.com") == 1);
        }
    }

    @Test
    @Order(2)
    void eachNodeListensOnItsOwnLoopbackPortOnly() throws SQLException {
        assertThat(cluster.nodes()).extracting(LabNode::port).doesNotHaveDuplicates();
        for (LabNode node : cluster.nodes()) {
            try (Connection c = node.connect("postgres"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('listen_addresses'), "
                         + "current_setting('unix_socket_directories'), current_setting('port')::int, "
                         + "current_setting('track_io_timing'), current_setting('wal_level')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
                assertThat(rs.getString(2)).isEmpty();
                assertThat(rs.getInt(3)).isEqualTo(node.port());
                assertThat(rs.getString(4)).isEqualTo("on");
                assertThat(rs.getString(5)).isEqualTo("replica");
            }
        }
    }

    @Test
    @Order(3)
    void demoSchemaAndStatementStatisticsArePresent() throws SQLException {
        try (Connection c = cluster.primary().connect(LabCluster.DATABASE); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM shop.orders), "
                     + "(SELECT count(*) FROM shop.customers), (SELECT count(*) FROM pg_stat_statements)")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(10_000);
            assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(2_000);
            assertThat(rs.getLong(3)).isPositive();
        }
    }

    @Test
    @Order(4)
    void monitorRoleHasPgMonitorAndNoMore() throws SQLException {
        LabNode primary = cluster.primary();
        try (Connection c = primary.connect("postgres", LabCredentials.MONITOR_USER,
                lab.clusters().get(0).credentials().monitorPassword());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_has_role('pg_monitor', 'member'), rolsuper "
                     + "FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getBoolean(2)).isFalse();
        }
    }

    @Test
    @Order(5)
    void pausedReplayFallsBehindAndCatchesUpOnResume() throws SQLException {
        LabNode primary = cluster.primary();
        LabNode standby = cluster.node("pg2");
        standby.pauseReplay();
        try {
            Lsn pausedAt = standby.walPosition().replayed().orElseThrow();
            execute(primary, "INSERT INTO shop.customers (name, email, country) "
                    + "SELECT 'Lag ' || g, 'lag-' || g || '-' || gen_random_uuid() || '@example.com', 'FR' "
                    + "FROM generate_series(1, 500) g");
            Lsn primaryNow = primary.walPosition().current().orElseThrow();
            Waits.until(WAIT, "pg2 to receive the new WAL",
                    () -> standby.walPosition().received().map(r -> r.compareTo(primaryNow) >= 0).orElse(false));
            WalPosition paused = standby.walPosition();
            assertThat(paused.replayed()).contains(pausedAt);
            assertThat(primaryNow.isAfter(paused.replayed().orElseThrow())).isTrue();
        } finally {
            standby.resumeReplay();
        }
        Lsn target = primary.walPosition().current().orElseThrow();
        Waits.until(WAIT, "pg2 replay to catch up after resume",
                () -> standby.walPosition().replayed().map(r -> r.compareTo(target) >= 0).orElse(false));
    }

    @Test
    @Order(6)
    void killedStandbyIsDownThenStreamsAgainAfterRestart() {
        LabNode standby = cluster.node("pg3");
        long pid = standby.postmaster().orElseThrow().pid();
        standby.kill9();
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(standby.isRunning()).isFalse();
        assertThat(standby.isReachable()).isFalse();
        Waits.until(WAIT, "pg1 to notice pg3 is gone",
                () -> !cluster.streamingStandbys(cluster.primary()).contains("pg3"));

        standby.start();
        cluster.awaitStreaming(cluster.primary(), List.of(standby), WAIT);
        assertThat(standby.isInRecovery()).isTrue();
    }

    @Test
    @Order(7)
    void controlFileMatchesWhatTheServerReports() throws SQLException {
        LabNode primary = cluster.primary();
        try (Connection c = primary.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
            try (ResultSet rs = st.executeQuery("SELECT checkpoint_lsn::text, timeline_id FROM pg_control_checkpoint()")) {
                rs.next();
                ControlFile control = ControlFile.read(primary.dataDir());
                assertThat(control.state()).isEqualTo(ControlFile.State.IN_PRODUCTION);
                assertThat(control.checkpoint()).isEqualTo(Lsn.parse(rs.getString(1)));
                assertThat(control.timeline()).isEqualTo(rs.getInt(2));
            }
        }
    }

    @Test
    @Order(8)
    void recloneGivesAFreshStandbyThatStreams() throws SQLException {
        LabNode standby = cluster.node("pg3");
        cluster.reclone(standby, cluster.primary());
        cluster.awaitStreaming(cluster.primary(), List.of(standby), WAIT);
        String marker = "after-reclone-" + UUID.randomUUID() + "@example.com";
        execute(cluster.primary(), "INSERT INTO shop.customers (name, email, country) VALUES ('R', '" + marker + "', 'GB')");
        Waits.until(WAIT, "the row on the re-cloned pg3", () -> countCustomers(standby, marker) == 1);
    }

    @Test
    @Order(9)
    void crashedPrimaryCannotRejoinWithoutReclone() {
        // Refusal is checked on a standby's files: its pg_control says "in archive recovery", not shut down.
        LabNode standby = cluster.node("pg3");
        standby.kill9();
        assertThatThrownBy(() -> cluster.rejoinAsStandby(standby, cluster.primary()))
                .isInstanceOf(LabException.class).hasMessageContaining("not shut down cleanly")
                .hasMessageContaining("Re-clone");
        standby.start();
        cluster.awaitStreaming(cluster.primary(), List.of(standby), WAIT);
    }

    @Test
    @Order(10)
    void switchoverUnderLoadLosesNoAcknowledgedCommit() {
        LabNode oldPrimary = cluster.primary();
        LabNode candidate = cluster.node("pg2");
        LabSwitchover.Result result;
        List<AckedCommit> acked;
        try (Workload workload = Workload.start(cluster, new Workload.Settings(200, 0.8, 4))) {
            Waits.until(WAIT, "the workload's first 50 acknowledged commits",
                    () -> workload.stats().acknowledgedWrites() >= 50);
            result = LabSwitchover.run(cluster, candidate);
            long before = workload.stats().acknowledgedWrites();
            Waits.until(WAIT, "acknowledged commits on the new primary",
                    () -> workload.stats().acknowledgedWrites() >= before + 50);
            acked = workload.acknowledged();
        }
        Duration outage = WriteOutage.longestGap(acked, result.writesStoppedNanos(), result.writableNanos())
                .orElseThrow().duration();
        System.out.printf("[lab] %s switchover %s -> %s: server-side %d ms, client-seen write outage %d ms,"
                        + " %d acknowledged commits%n%s%n", lab.binaries(), oldPrimary.name(), candidate.name(),
                result.serverSideOutage().toMillis(), outage.toMillis(), acked.size(), result.timings());

        assertThat(cluster.primary()).isSameAs(candidate);
        assertThat(Workload.missingOn(candidate, acked)).isEmpty();
        assertThat(result.newTimeline()).isEqualTo(2);
        for (LabNode node : cluster.nodes()) {
            assertThat(node.walPosition().timeline()).as("timeline of %s", node.name()).contains(2);
        }
        assertThat(cluster.streamingStandbys(candidate)).containsExactlyInAnyOrder(
                cluster.nodes().stream().filter(n -> n != candidate).map(LabNode::name).toArray(String[]::new));
        for (LabNode node : cluster.nodes()) {
            if (node != candidate) {
                assertThat(node.walPosition().upstreamPort()).as("upstream of %s", node.name())
                        .contains(candidate.port());
            }
        }
    }

    static void execute(LabNode node, String sql) throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static long countCustomers(LabNode node, String email) {
        try (Connection c = node.connect(LabCluster.DATABASE);
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM shop.customers WHERE email = ?")) {
            st.setString(1, email);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }
}
