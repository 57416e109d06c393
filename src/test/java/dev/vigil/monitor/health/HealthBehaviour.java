package dev.vigil.monitor.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.OneNodeLab;
import dev.vigil.lab.host.Waits;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each health problem made for real on a lab node, read by the collectors over the least-privileged monitoring
 * role (pg_monitor only), and flagged with its fix. Subclasses choose the binaries (15 has pg_stat_bgwriter's
 * checkpoint counters, 17 pg_stat_checkpointer).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HealthBehaviour {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private OneNodeLab lab;
    private LabNode node;
    private Connection monitor;
    private int versionNum;

    abstract Optional<Path> pgBin();

    @BeforeAll
    void startNode() throws SQLException {
        lab = OneNodeLab.open(pgBin(), "health");
        node = lab.node();
        monitor = lab.monitor(LabCluster.DATABASE);
        versionNum = OneNodeLab.versionNum(monitor);
    }

    @AfterAll
    void stop() throws SQLException {
        if (monitor != null) {
            monitor.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private void admin(String... sql) throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void aLongTransactionHoldingBackVacuumIsFlaggedWithItsPidAndTheTerminate() throws SQLException {
        HealthThresholds shortHeld = HealthThresholds.defaults().withHorizonHeld(Duration.ofSeconds(1));
        try (Connection holder = node.connect(LabCluster.DATABASE); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("SET application_name = 'nightly-report'");
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            int pid;
            try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            // rows that die after the snapshot: vacuum must keep them while the transaction lives
            admin("CREATE TABLE IF NOT EXISTS public.churn (id int)", "INSERT INTO public.churn SELECT generate_series(1, 1000)",
                    "DELETE FROM public.churn");
            Waits.until(WAIT, "the long transaction flagged", () -> horizonFindings(shortHeld).stream()
                    .anyMatch(f -> f.subject().equals("pid " + pid)));
            HealthFinding found = horizonFindings(shortHeld).stream().filter(f -> f.subject().equals("pid " + pid))
                    .findFirst().orElseThrow();
            show(found);
            assertThat(found.evidence()).contains("nightly-report", "user postgres on shop", "holds back vacuum");
            assertThat(found.fixSql()).contains("SELECT pg_catalog.pg_terminate_backend(" + pid + ");");
            assertThat(horizonFindings(HealthThresholds.defaults())).as("10 minutes by default")
                    .noneMatch(f -> f.subject().equals("pid " + pid));
            holder.rollback();
        }
        Waits.until(WAIT, "the horizon released", () -> horizonFindings(shortHeld).stream()
                .noneMatch(f -> f.evidence().contains("nightly-report")));
    }

    private List<HealthFinding> horizonFindings(HealthThresholds t) {
        return HealthFindings.horizon(read(new HorizonCollector()), t);
    }

    @Test
    void anIndexNoQueryUsesIsFlaggedAndOneThatIsUsedIsNot() throws SQLException {
        admin("CREATE TABLE public.lookups (id int PRIMARY KEY, code text, note text)",
                "INSERT INTO public.lookups SELECT g, 'c' || g, 'n' || g FROM generate_series(1, 5000) g",
                "CREATE INDEX lookups_note_idx ON public.lookups (note)",
                "CREATE INDEX lookups_code_idx ON public.lookups (code)", "ANALYZE public.lookups");
        try (Connection c = node.connect(LabCluster.DATABASE); Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            st.executeQuery("SELECT id FROM public.lookups WHERE code = 'c42'").close();
        }
        // usage statistics reach pg_stat_user_indexes when the backend flushes them (about a second on 15+)
        Waits.until(WAIT, "the used index's scan counted", () -> HealthFindings.indexes(read(new IndexCollector()))
                .stream().noneMatch(f -> f.subject().equals("\"public\".\"lookups_code_idx\"")));
        List<HealthFinding> found = HealthFindings.indexes(read(new IndexCollector()));
        assertThat(found).filteredOn(f -> f.subject().equals("\"public\".\"lookups_note_idx\"")).singleElement()
                .satisfies(f -> {
                    show(f);
                    assertThat(f.kind()).isEqualTo("unused-index");
                    assertThat(f.evidence()).contains("has had no scan on this node", "lookups");
                    assertThat(f.fixSql()).contains("DROP INDEX CONCURRENTLY \"public\".\"lookups_note_idx\";");
                });
        assertThat(found).as("the primary key backs a constraint").noneMatch(f -> f.subject().contains("lookups_pkey"));

        // an index whose column leads another: redundant, whatever its scans
        admin("CREATE INDEX lookups_code_note_idx ON public.lookups (code, note)");
        HealthFinding redundant = HealthFindings.indexes(read(new IndexCollector())).stream()
                .filter(f -> f.kind().equals("redundant-index")).findFirst().orElseThrow();
        show(redundant);
        assertThat(redundant.subject()).isEqualTo("\"public\".\"lookups_code_idx\"");
        assertThat(redundant.evidence()).contains("is covered by \"lookups_code_note_idx\"");
        assertThat(redundant.fixSql()).contains("DROP INDEX CONCURRENTLY \"public\".\"lookups_code_idx\";");
        assertThat(HealthFindings.indexes(read(new IndexCollector()))).filteredOn(f -> f.kind().equals("redundant-index"))
                .as("note is the second key there, and the primary key is unique").extracting(HealthFinding::subject)
                .containsExactly("\"public\".\"lookups_code_idx\"");
    }

    @Test
    void aSequenceNearItsEndIsFlaggedOnceReadableAndItsFixWorks() throws SQLException {
        admin("CREATE SCHEMA ledger", "CREATE SEQUENCE ledger.entry_id_seq AS integer START 2000000000",
                "SELECT nextval('ledger.entry_id_seq')");
        // pg_monitor cannot read a sequence's position: the finding says so and gives the grant
        SequenceSnapshot unread = read(new SequenceCollector());
        HealthFinding grant = HealthFindings.sequences(unread, HealthThresholds.defaults()).stream()
                .filter(f -> f.kind().equals("sequences-unreadable")).findFirst().orElseThrow();
        show(grant);
        assertThat(grant.evidence()).contains("could not be read by vigil_monitor");
        assertThat(grant.fixSql()).hasValueSatisfying(sql -> assertThat(sql)
                .contains("GRANT SELECT ON ALL SEQUENCES IN SCHEMA \"ledger\" TO \"vigil_monitor\";"));
        admin(grant.fixSql().orElseThrow());

        HealthFinding nearEnd = HealthFindings.sequences(read(new SequenceCollector()), HealthThresholds.defaults())
                .stream().filter(f -> f.subject().equals("\"ledger\".\"entry_id_seq\"")).findFirst().orElseThrow();
        show(nearEnd);
        assertThat(nearEnd.level()).isEqualTo(HealthFinding.Level.CRITICAL);
        assertThat(nearEnd.evidence()).contains("(integer) has used 93.1 %", "147483647 values left");
        admin(nearEnd.fixSql().orElseThrow());
        assertThat(HealthFindings.sequences(read(new SequenceCollector()), HealthThresholds.defaults()))
                .as("widened to bigint, it is far from its end").noneMatch(f -> f.subject().contains("entry_id_seq"));
    }

    @Test
    void requestedCheckpointsFromASmallMaxWalSizeAskForMoreWal() throws SQLException {
        CheckpointCollector collector = new CheckpointCollector();
        CheckpointReading before = collector.collect(monitor, versionNum, Optional.empty());
        admin("ALTER SYSTEM SET min_wal_size = '32MB'", "ALTER SYSTEM SET max_wal_size = '32MB'",
                "SELECT pg_reload_conf()");
        try {
            admin("CREATE TABLE public.wal_churn (id int, pad text)");
            Waits.until(Duration.ofSeconds(120), "requested checkpoints from writing WAL past max_wal_size", () -> {
                try {
                    admin("INSERT INTO public.wal_churn SELECT g, repeat('x', 900) FROM generate_series(1, 20000) g",
                            "TRUNCATE public.wal_churn");
                    CheckpointReading now = collector.collect(monitor, versionNum, Optional.of(before));
                    return HealthFindings.checkpoints(now, HealthThresholds.defaults()).isPresent();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            CheckpointReading now = collector.collect(monitor, versionNum, Optional.of(before));
            HealthFinding found = HealthFindings.checkpoints(now, HealthThresholds.defaults()).orElseThrow();
            show(found);
            assertThat(now.now().maxWalSizeMb()).isEqualTo(32);
            assertThat(found.evidence()).contains("were requested", "max_wal_size = 32 MB");
            assertThat(found.fixSql()).contains("ALTER SYSTEM SET max_wal_size = '64MB'; SELECT pg_catalog.pg_reload_conf();");
        } finally {
            admin("ALTER SYSTEM RESET max_wal_size", "ALTER SYSTEM RESET min_wal_size", "SELECT pg_reload_conf()");
        }
    }

    @Test
    void aTableFullOfDeadRowsIsFlaggedAndTheShownVacuumClearsIt() throws SQLException {
        admin("CREATE TABLE public.churned (id int, pad text) WITH (autovacuum_enabled = false)",
                "INSERT INTO public.churned SELECT g, 'x' FROM generate_series(1, 50000) g",
                "DELETE FROM public.churned WHERE id % 2 = 0");
        // dead-row counts reach pg_stat_user_tables when the deleting backend flushes its statistics
        Waits.until(WAIT, "the dead rows flagged", () -> deadRowFindings().stream()
                .anyMatch(f -> f.subject().equals("\"public\".\"churned\"")));
        HealthFinding found = deadRowFindings().stream().filter(f -> f.subject().equals("\"public\".\"churned\""))
                .findFirst().orElseThrow();
        show(found);
        assertThat(found.evidence()).contains("25000 dead rows (50.0 % of its rows), last vacuumed never");
        admin(found.fixSql().orElseThrow());
        Waits.until(WAIT, "the vacuum's work seen", () -> deadRowFindings().stream()
                .noneMatch(f -> f.subject().equals("\"public\".\"churned\"")));
    }

    private List<HealthFinding> deadRowFindings() {
        return HealthFindings.vacuum(read(new VacuumCollector()), HealthThresholds.defaults(), java.time.Instant.now());
    }

    @Test
    void theWalRateComesFromThePositionBetweenTwoReadings() throws SQLException {
        WalCollector collector = new WalCollector();
        WalReading first = collector.collect(monitor, versionNum, Optional.empty());
        admin("CREATE TABLE IF NOT EXISTS public.wal_rate (id int, pad text)",
                "INSERT INTO public.wal_rate SELECT g, repeat('y', 200) FROM generate_series(1, 20000) g");
        // the position moves at once; pg_stat_wal's counters when the writer flushes them (about a second later)
        WalReading[] latest = new WalReading[1];
        Waits.until(WAIT, "pg_stat_wal flushed", () -> {
            latest[0] = read(c -> collector.collect(c, versionNum, Optional.of(first)));
            return latest[0].rate().flatMap(WalReading.Rate::fullPageImageShare).isPresent();
        });
        WalReading second = latest[0];
        assertThat(second.rate()).hasValueSatisfying(r -> {
            assertThat(r.bytesPerSecond() * r.over().toMillis() / 1000.0).as("bytes written between the reads")
                    .isGreaterThan(4_000_000);
            assertThat(r.fullPageImageShare()).as("pg_stat_wal on 14+").isPresent();
        });
        System.out.println("[health] PostgreSQL " + versionNum + ": WAL " + second.rate().orElseThrow());
    }

    @Test
    void everyDatabaseIsSizedAndTheLargestTablesWithTheirIndexes() throws SQLException {
        admin("CREATE TABLE IF NOT EXISTS public.sized (id int PRIMARY KEY, pad text)",
                "INSERT INTO public.sized SELECT g, repeat('z', 500) FROM generate_series(1, 4000) g ON CONFLICT DO NOTHING");
        SizeReading sizes = new SizeCollector().collect(monitor, versionNum, Optional.empty());
        assertThat(sizes.now().databases()).extracting(SizeReading.Database::name).contains("shop", "postgres");
        assertThat(sizes.now().databases()).allSatisfy(d -> assertThat(d.bytes()).isPositive());
        assertThat(sizes.now().tables()).anySatisfy(t -> {
            assertThat(t.schema() + "." + t.name()).isEqualTo("public.sized");
            assertThat(t.tableBytes()).isGreaterThan(2_000_000);
            assertThat(t.indexBytes()).isPositive();
            assertThat(t.totalBytes()).isEqualTo(t.tableBytes() + t.indexBytes());
        });
    }

    @Test
    void everyDatabasesWraparoundAgeIsReadAndAFreshLabIsFarFromIt() {
        WraparoundSnapshot w = read(new WraparoundCollector());
        assertThat(w.databases()).extracting(WraparoundSnapshot.Database::name).contains("shop", "postgres");
        assertThat(w.databases()).allSatisfy(d -> assertThat(d.freezeMaxAge()).isEqualTo(200_000_000L));
        assertThat(HealthFindings.wraparound(w, HealthThresholds.defaults())).isEmpty();
        assertThat(HealthFindings.wraparound(w, HealthThresholds.defaults().withWraparound(0.0, 0.5))).as("a threshold of zero flags every database").hasSize(w.databases().size());
    }

    private void show(HealthFinding f) {
        System.out.println("[health] PostgreSQL " + versionNum + ": " + f.line() + " Fix: " + f.fixSql().orElse("-"));
    }

    private interface Read<T> {
        T from(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try {
            return read.from(monitor);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private <T> T read(dev.vigil.monitor.Collector<T> collector) {
        try {
            return collector.collect(monitor, versionNum);
        } catch (SQLException e) {
            throw new IllegalStateException(collector.name() + ": " + e.getMessage(), e);
        }
    }
}
