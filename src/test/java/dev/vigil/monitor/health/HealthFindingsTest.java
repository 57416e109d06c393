package dev.vigil.monitor.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitor.health.HealthFinding.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthFindingsTest {
    private static final HealthThresholds T = HealthThresholds.defaults();

    private static HorizonSnapshot.Holder session(int pid, long xids, double heldSeconds) {
        return new HorizonSnapshot.Holder(HorizonSnapshot.Kind.SESSION, Optional.of(pid), "app_user", "billing", "shop",
                "idle in transaction", xids, Optional.of(heldSeconds), "", "SELECT 1");
    }

    @Test
    void aLongTransactionIsFlaggedWithWhoAndTheTerminateToRun() {
        List<HealthFinding> f = HealthFindings.horizon(new HorizonSnapshot(List.of(session(4242, 1200, 1500),
                session(7, 3, 20))), T);
        assertThat(f).singleElement().satisfies(h -> {
            assertThat(h.level()).isEqualTo(Level.WARNING);
            assertThat(h.evidence()).contains("pid 4242", "billing", "user app_user on shop", "idle in transaction",
                    "1200 transactions behind", "open 25 min");
            assertThat(h.fixSql()).contains("SELECT pg_catalog.pg_terminate_backend(4242);");
        });
    }

    @Test
    void anHourOrManyTransactionsIsCritical() {
        assertThat(HealthFindings.horizon(new HorizonSnapshot(List.of(session(1, 10, 3700))), T))
                .extracting(HealthFinding::level).containsExactly(Level.CRITICAL);
        assertThat(HealthFindings.horizon(new HorizonSnapshot(List.of(session(1, 60_000_000L, 1))), T))
                .extracting(HealthFinding::level).containsExactly(Level.CRITICAL);
    }

    @Test
    void anInactiveSlotWithAnXminIsFlaggedAndItsNameQuotedAsALiteral() {
        HorizonSnapshot.Holder slot = new HorizonSnapshot.Holder(HorizonSnapshot.Kind.SLOT, Optional.empty(), "", "",
                "", "inactive", 10, Optional.empty(), "old'slot", "");
        assertThat(HealthFindings.horizon(new HorizonSnapshot(List.of(slot)), T)).singleElement()
                .satisfies(h -> assertThat(h.fixSql()).contains("SELECT pg_catalog.pg_drop_replication_slot('old''slot');"));
    }

    @Test
    void wraparoundWarnsAtItsShareAndNamesTheOlderOfTheTwoAges() {
        WraparoundSnapshot w = new WraparoundSnapshot(List.of(
                new WraparoundSnapshot.Database("shop", 600_000_000L, 10, 200_000_000L, 400_000_000L),
                new WraparoundSnapshot.Database("big", 100, 1_200_000_000L, 200_000_000L, 400_000_000L),
                new WraparoundSnapshot.Database("fine", 300_000_000L, 10, 200_000_000L, 400_000_000L)));
        List<HealthFinding> f = HealthFindings.wraparound(w, T);
        assertThat(f).extracting(HealthFinding::subject).containsExactly("database shop", "database big");
        assertThat(f.get(0).level()).isEqualTo(Level.WARNING);
        assertThat(f.get(0).evidence()).contains("transaction-id age 600000000", "27.9 %");
        assertThat(f.get(1).level()).isEqualTo(Level.CRITICAL);
        assertThat(f.get(1).evidence()).contains("multixact age 1200000000");
    }

    @Test
    void unusedIndexesButNotThoseBackingConstraintsAndInvalidOnesToRebuild() {
        IndexSnapshot s = new IndexSnapshot("shop", Optional.of(Instant.parse("2026-12-01T00:00:00Z")), List.of(
                new IndexSnapshot.Index("shop", "orders", "orders_note_idx", 0, 5 << 20, false, true, false),
                new IndexSnapshot.Index("shop", "orders", "orders_pkey", 0, 1 << 20, true, true, true),
                new IndexSnapshot.Index("shop", "orders", "Odd\"Name", 0, 8192, false, false, false)));
        List<HealthFinding> f = HealthFindings.indexes(s);
        assertThat(f).extracting(HealthFinding::kind).containsExactly("unused-index", "invalid-index");
        assertThat(f.get(0).evidence()).contains("5.0 MiB", "since the statistics reset at 2026-12-01T00:00:00Z");
        assertThat(f.get(0).fixSql()).contains("DROP INDEX CONCURRENTLY \"shop\".\"orders_note_idx\";");
        assertThat(f.get(1).fixSql()).contains("REINDEX INDEX CONCURRENTLY \"shop\".\"Odd\"\"Name\";");
    }

    @Test
    void anIndexIsUnusedOnlyIfNoNodeScansIt() {
        IndexSnapshot.Index note = new IndexSnapshot.Index("shop", "orders", "orders_note_idx", 0, 8192, false, true,
                false);
        IndexSnapshot.Index customer = new IndexSnapshot.Index("shop", "orders", "orders_customer_idx", 0, 8192, false,
                true, false);
        // the standby's reports use orders_customer_idx: it is not among pg2's unscanned indexes
        List<HealthFinding> f = HealthFindings.indexesAcross(java.util.Map.of(
                "pg1", new IndexSnapshot("shop", Optional.empty(), List.of(note, customer)),
                "pg2", new IndexSnapshot("shop", Optional.empty(), List.of(note))));
        assertThat(f).singleElement().satisfies(h -> {
            assertThat(h.subject()).isEqualTo("\"shop\".\"orders_note_idx\"");
            assertThat(h.evidence()).contains("has had no scan on any of pg1, pg2 since the statistics began");
        });
    }

    @Test
    void aSequenceNearItsEndIsWidenedAndUnreadableOnesAskForAGrant() {
        SequenceSnapshot s = new SequenceSnapshot("shop", "vigil_monitor", List.of(
                new SequenceSnapshot.Sequence("shop", "orders_id_seq", "integer", 1, Integer.MAX_VALUE, 1, false,
                        Optional.of(2_000_000_000L), true),
                new SequenceSnapshot.Sequence("shop", "down_seq", "bigint", Long.MIN_VALUE, -1, -1, false,
                        Optional.of(-10L), true),
                new SequenceSnapshot.Sequence("shop", "wraps", "integer", 1, 100, 1, true, Optional.of(99L), true),
                new SequenceSnapshot.Sequence("audit", "log_id_seq", "bigint", 1, Long.MAX_VALUE, 1, false,
                        Optional.empty(), false)));
        List<HealthFinding> f = HealthFindings.sequences(s, T);
        assertThat(f).extracting(HealthFinding::kind).containsExactly("sequence", "sequences-unreadable");
        assertThat(f.get(0).level()).isEqualTo(Level.CRITICAL);
        assertThat(f.get(0).evidence()).contains("93.1 %", "147483647 values left");
        assertThat(f.get(0).fixSql()).contains("ALTER SEQUENCE \"shop\".\"orders_id_seq\" AS bigint;");
        assertThat(f.get(1).fixSql()).contains("GRANT SELECT ON ALL SEQUENCES IN SCHEMA \"audit\" TO \"vigil_monitor\";");
    }

    @Test
    void requestedCheckpointsThatOutnumberTimedOnesAskForMoreWal() {
        CheckpointReading r = new CheckpointReading(CheckpointReadingTest.at(Duration.ofMinutes(10), 2, 9),
                Optional.of(CheckpointReadingTest.at(Duration.ZERO, 1, 1)));
        assertThat(HealthFindings.checkpoints(r, T)).hasValueSatisfying(h -> {
            assertThat(h.evidence()).contains("8 of 9 checkpoints in the last 10 min were requested",
                    "max_wal_size = 1024 MB", "checkpoint_timeout = 300 s");
            assertThat(h.fixSql()).contains("ALTER SYSTEM SET max_wal_size = '2048MB'; SELECT pg_catalog.pg_reload_conf();");
        });
        CheckpointReading calm = new CheckpointReading(CheckpointReadingTest.at(Duration.ofMinutes(10), 5, 3),
                Optional.of(CheckpointReadingTest.at(Duration.ZERO, 1, 0)));
        assertThat(HealthFindings.checkpoints(calm, T)).isEmpty();
    }

    @Test
    void aTableFullOfDeadRowsNotVacuumedForADayAndSaturatedAutovacuum() {
        Instant now = Instant.parse("2026-12-08T12:00:00Z");
        VacuumSnapshot v = new VacuumSnapshot(3, 3, List.of(
                new VacuumSnapshot.Table("shop", "orders", 60_000, 40_000, 0, Optional.empty(),
                        Optional.of(now.minus(Duration.ofHours(30))), Optional.empty(), Optional.empty(), 4),
                new VacuumSnapshot.Table("shop", "items", 60_000, 40_000, 0, Optional.empty(),
                        Optional.of(now.minus(Duration.ofHours(2))), Optional.empty(), Optional.empty(), 9),
                new VacuumSnapshot.Table("shop", "tiny", 10, 9_000, 0, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), 0)), List.of());
        List<HealthFinding> f = HealthFindings.vacuum(v, T, now);
        assertThat(f).extracting(HealthFinding::kind).containsExactly("autovacuum-saturated", "dead-rows");
        assertThat(f.get(1).evidence()).contains("40000 dead rows (40.0 % of its rows), last vacuumed 30.0 h ago");
        assertThat(f.get(1).fixSql()).contains("VACUUM (VERBOSE, ANALYZE) \"shop\".\"orders\";");
    }

    @Test
    void walRatesComeFromThePositionAndFullPageImagesFromTheCounters() {
        Instant t0 = Instant.parse("2026-12-08T12:00:00Z");
        WalReading first = WalReading.next(Optional.empty(), new WalReading.Counters(t0, false,
                new dev.vigil.sql.Lsn(1_000_000), Optional.of(100L), Optional.of(10L), Optional.of(1_000_000L)));
        assertThat(first.rate()).isEmpty();
        WalReading second = WalReading.next(Optional.of(first), new WalReading.Counters(t0.plusSeconds(5), false,
                new dev.vigil.sql.Lsn(6_000_000), Optional.of(1100L), Optional.of(260L), Optional.of(6_000_000L)));
        assertThat(second.rate()).hasValueSatisfying(r -> {
            assertThat(r.bytesPerSecond()).isEqualTo(1_000_000.0);
            assertThat(r.fullPageImageShare()).contains(0.25);
        });
        WalReading promoted = WalReading.next(Optional.of(second), new WalReading.Counters(t0.plusSeconds(10), true,
                new dev.vigil.sql.Lsn(7_000_000), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(promoted.rate()).as("a role change starts again").isEmpty();
    }

    @Test
    void findingsComeWorstFirst() {
        List<HealthFinding> all = HealthFindings.of(new HealthReadings(Optional.of(new HorizonSnapshot(List.of(
                session(1, 10, 3700)))), Optional.empty(), Optional.of(new IndexSnapshot("shop", Optional.empty(),
                List.of(new IndexSnapshot.Index("s", "t", "i", 0, 1, false, true, false)))), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), T, Instant.now());
        assertThat(all).extracting(HealthFinding::level).containsExactly(Level.CRITICAL, Level.NOTICE);
    }
}
