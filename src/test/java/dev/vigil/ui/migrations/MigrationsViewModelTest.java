package dev.vigil.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import dev.vigil.migrate.MigrationReading;
import dev.vigil.migrate.MigrationSettings;
import dev.vigil.migrate.MigrationTarget;
import dev.vigil.migrate.history.HistoryRow;
import dev.vigil.migrate.history.MigrationStatus;
import dev.vigil.migrate.history.VersionStatus;
import dev.vigil.migrate.source.Migration;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.MigrationSet;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.migrate.source.ScriptName;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Migrations view's model with hand-made readings: rows, offers with their reasons, and when it reads. */
class MigrationsViewModelTest {
    private static final Instant APPLIED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant UNDONE = Instant.parse("2026-11-24T09:30:00Z");
    private static final NodeEndpoint PG1 = new NodeEndpoint("pg1", "127.0.0.1", 5001, "shop", "m", "p");
    private static final NodeEndpoint PG2 = new NodeEndpoint("pg2", "127.0.0.1", 5002, "shop", "m", "p");

    @TempDir
    Path dir;

    private final List<HistoryRow> rows = new ArrayList<>();

    private static MigrationScript script(String name, String sql) {
        return MigrationScript.of(ScriptName.parse(name).orElseThrow(), name, sql);
    }

    private static Migration migration(String v, String desc, boolean undo) {
        return new Migration(script("V" + v + "__" + desc + ".sql", "CREATE TABLE t" + v + " ();"),
                undo ? Optional.of(script("U" + v + "__" + desc + ".sql", "DROP TABLE t" + v + ";")) : Optional.empty());
    }

    private void applied(Migration m, boolean success) {
        rows.add(new HistoryRow(rows.size() + 1, Optional.of(m.version().toString()), m.description(), HistoryRow.SQL,
                m.apply().fileName(), Optional.of(m.apply().checksum()), "alice", APPLIED, 42, success));
    }

    private void appliedWithChecksum(Migration m, int checksum) {
        rows.add(new HistoryRow(rows.size() + 1, Optional.of(m.version().toString()), m.description(), HistoryRow.SQL,
                m.apply().fileName(), Optional.of(checksum), "alice", APPLIED, 42, true));
    }

    private void undone(Migration m) {
        rows.add(new HistoryRow(rows.size() + 1, Optional.of(m.version().toString()), m.description(),
                HistoryRow.DELETE, m.undo().orElseThrow().fileName(), Optional.of(m.undo().get().checksum()), "bob",
                UNDONE, 7, true));
    }

    private void baseline(String version) {
        rows.add(new HistoryRow(rows.size() + 1, Optional.of(version), "<< Flyway Baseline >>", HistoryRow.BASELINE,
                "<< Flyway Baseline >>", Optional.empty(), "alice", APPLIED, 0, true));
    }

    private MigrationReading reading(Migration... migrations) {
        return reading(List.of(), migrations);
    }

    private MigrationReading reading(List<String> problems, Migration... migrations) {
        MigrationSet set = new MigrationSet("folder x", List.of(migrations), List.of(), problems);
        return new MigrationReading(set, true, rows, 170006, false, "postgres", MigrationStatus.of(set, rows));
    }

    private static MigrationVersion v(String s) {
        return MigrationVersion.parse(s);
    }

    private static List<String> versions(List<MigrationOffers.Choice> choices) {
        return choices.stream().map(c -> c.version().toString()).toList();
    }

    // --- rows ---------------------------------------------------------------------------------------------

    @Test
    void rowsAreNewestFirstWithTheCurrentVersionMarkedAndEachStateInWords() {
        Migration m1 = migration("1", "create_coupons", true);
        Migration m2 = migration("2", "add_weight", true);
        Migration m3 = migration("3", "index_orders", true);
        Migration m4 = migration("4", "later", false);
        applied(m1, true);
        applied(m2, true);
        applied(m3, true);
        undone(m3);

        List<MigrationRow> shown = MigrationRow.of(reading(m1, m2, m3, m4));

        assertThat(shown).extracting(r -> r.version().toString()).containsExactly("4", "3", "2", "1");
        assertThat(shown).extracting(MigrationRow::stateText).containsExactly("pending", "undone · pending",
                "● current · applied", "applied");
        assertThat(shown).filteredOn(MigrationRow::current).extracting(r -> r.version().toString()).containsExactly("2");
        MigrationRow two = shown.get(2);
        assertThat(two.when()).isEqualTo(MigrationRow.WHEN.format(APPLIED));
        assertThat(two.by()).isEqualTo("alice");
        assertThat(two.took()).isEqualTo("42 ms");
        assertThat(two.checksum()).isEqualTo("matches");
        assertThat(two.undo()).isEqualTo("available");
        assertThat(two.script()).isEqualTo("V2__add_weight.sql");
        assertThat(two.applySql()).contains("CREATE TABLE t2 ();");
        assertThat(two.undoSql()).contains("DROP TABLE t2;");
        MigrationRow three = shown.get(1);
        assertThat(three.when()).as("an undone version says when it was undone, and by whom")
                .isEqualTo(MigrationRow.WHEN.format(UNDONE));
        assertThat(three.by()).isEqualTo("bob");
        assertThat(three.took()).isEmpty();
        assertThat(three.undo()).isEqualTo("available");
        assertThat(shown.get(0).when()).isEmpty();
        assertThat(shown.get(0).checksum()).isEmpty();
        assertThat(shown.get(0).undo()).as("a pending version's undo matters too: apply refuses without it")
                .isEqualTo("none");
        assertThat(shown.get(0).undoSql()).isEmpty();
    }

    @Test
    void aChangedScriptAFailedVersionAndAVanishedScriptAreSaidPlainly() {
        Migration m1 = migration("1", "init", true);
        Migration m2 = migration("2", "half", true);
        appliedWithChecksum(m1, 12345);
        applied(m2, false);
        rows.add(new HistoryRow(rows.size() + 1, Optional.of("0.5"), "gone", HistoryRow.SQL, "V0.5__gone.sql",
                Optional.of(1), "alice", APPLIED, 1, true));

        List<MigrationRow> shown = MigrationRow.of(reading(m1, m2));

        assertThat(shown).extracting(r -> r.version().toString()).containsExactly("2", "1", "0.5");
        assertThat(shown.get(0).stateText()).isEqualTo("FAILED halfway");
        assertThat(shown.get(1).stateText()).isEqualTo("● current · applied");
        assertThat(shown.get(1).checksum()).isEqualTo("CHANGED");
        assertThat(shown.get(2).stateText()).isEqualTo("applied · script missing");
        assertThat(shown.get(2).checksum()).isEqualTo("no script");
        assertThat(shown.get(2).script()).as("the history's name when the folder has none").isEqualTo("V0.5__gone.sql");
        assertThat(shown.get(2).applySql()).isEmpty();
    }

    // --- offers -------------------------------------------------------------------------------------------

    @Test
    void rollbackOffersEveryTargetItsUndoScriptsReachAndApplyEveryPendingPrefix() {
        Migration m1 = migration("1", "a", true);
        Migration m2 = migration("2", "b", true);
        Migration m3 = migration("3", "c", true);
        Migration m4 = migration("4", "d", true);
        Migration m5 = migration("5", "e", false);
        applied(m1, true);
        applied(m2, true);
        applied(m3, true);

        MigrationOffers offers = MigrationOffers.of(Optional.of(reading(m1, m2, m3, m4, m5)), "", Optional.of("pg1"),
                Optional.empty(), Optional.empty());

        assertThat(offers.rollback().enabled()).isTrue();
        assertThat(versions(offers.rollbackTargets())).containsExactly("2", "1", "0");
        assertThat(offers.rollbackTargets().get(0).label()).isEqualTo("2 b (undoes 3)");
        assertThat(offers.rollbackTargets().get(2).label()).isEqualTo("before the first migration (undoes 3, 2, 1)");
        assertThat(offers.apply().enabled()).isTrue();
        assertThat(versions(offers.applyTargets())).containsExactly("4", "5");
        assertThat(offers.applyTargets().get(0).lacksUndo()).isFalse();
        assertThat(offers.applyTargets().get(1).lacksUndo()).as("5 has no U-script").isTrue();
        assertThat(offers.applyTargets().get(1).label()).isEqualTo("5 e (applies 4, 5) · every pending version");
    }

    @Test
    void aVersionWithoutUndoStopsTheTargetsBelowItAndAloneDisablesRollbackWithItsName() {
        Migration m1 = migration("1", "a", true);
        Migration m2 = migration("2", "b", false);
        Migration m3 = migration("3", "c", true);
        applied(m1, true);
        applied(m2, true);
        applied(m3, true);
        MigrationOffers offers = MigrationOffers.of(Optional.of(reading(m1, m2, m3)), "", Optional.of("pg1"),
                Optional.empty(), Optional.empty());
        assertThat(versions(offers.rollbackTargets())).as("below 2 the undo of 2 is needed").containsExactly("2");

        rows.clear();
        applied(m1, true);
        applied(m2, true);
        MigrationOffers stuck = MigrationOffers.of(Optional.of(reading(m1, m2)), "", Optional.of("pg1"), Optional.empty(),
                Optional.empty());
        assertThat(stuck.rollback().enabled()).isFalse();
        assertThat(stuck.rollback().reason()).contains("version 2 has no undo script").contains("U2__*.sql");
        assertThat(stuck.apply().enabled()).isFalse();
        assertThat(stuck.apply().reason()).isEqualTo("nothing is pending: the schema is at version 2");
    }

    @Test
    void aBaselineIsAFloorAndAFailedVersionBlocksApplying() {
        Migration m2 = migration("2", "b", true);
        Migration m3 = migration("3", "c", true);
        Migration m4 = migration("4", "d", true);
        baseline("1");
        applied(m2, true);
        applied(m3, false);
        MigrationOffers offers = MigrationOffers.of(Optional.of(reading(m2, m3, m4)), "", Optional.of("pg1"),
                Optional.empty(), Optional.empty());
        assertThat(versions(offers.rollbackTargets())).as("no 'before the first' below a baseline")
                .containsExactly("1");
        assertThat(offers.rollbackTargets().get(0).versions()).extracting(Object::toString)
                .as("the failed 3 is undone too").containsExactly("3", "2");
        assertThat(offers.apply().enabled()).isFalse();
        assertThat(offers.apply().reason()).isEqualTo("version 3 failed halfway: finish or undo it first");
    }

    @Test
    void nothingIsOfferedWithoutAPrimaryWhileBusyOrUnreadAndAnEmptyHistoryHasNothingToUndo() {
        Migration m1 = migration("1", "a", true);
        MigrationReading r = reading(m1);
        MigrationOffers noPrimary = MigrationOffers.of(Optional.of(r), "", Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(noPrimary.rollback()).isEqualTo(MigrationOffers.Offer.no(
                "no primary is reachable, and migrations run on the primary"));
        assertThat(noPrimary.apply().enabled()).isFalse();
        MigrationOffers busy = MigrationOffers.of(Optional.of(r), "", Optional.of("pg1"), Optional.of("Switch over to pg2"),
                Optional.empty());
        assertThat(busy.apply().reason()).isEqualTo("the cluster is busy with Switch over to pg2");
        MigrationOffers inFlight = MigrationOffers.of(Optional.of(r), "", Optional.of("pg1"), Optional.empty(),
                Optional.of("pid 812 (flyway)"));
        assertThat(inFlight.apply()).isEqualTo(MigrationOffers.Offer.no(
                "a migration is in flight on pg1, pid 812 (flyway): stop it first"));
        assertThat(inFlight.rollback().enabled()).isFalse();
        MigrationOffers unread = MigrationOffers.of(Optional.empty(), "the history could not be read", Optional.of("pg1"),
                Optional.empty(), Optional.empty());
        assertThat(unread.rollback().reason()).isEqualTo("the history could not be read");

        MigrationOffers fresh = MigrationOffers.of(Optional.of(r), "", Optional.of("pg1"), Optional.empty(),
                Optional.empty());
        assertThat(fresh.rollback()).isEqualTo(MigrationOffers.Offer.no("no version is applied"));
        assertThat(fresh.apply().enabled()).isTrue();
        assertThat(fresh.apply().reason()).isEqualTo("apply version 1");
    }

    // --- when it reads ------------------------------------------------------------------------------------

    /** Counts reads and answers with a reading, or fails. */
    private final class FakeReader implements MigrationsViewModel.Reader {
        final List<MigrationTarget> asked = new ArrayList<>();
        MigrationReading answer;
        Exception failure;

        @Override
        public MigrationReading read(MigrationTarget target) throws Exception {
            asked.add(target);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    private ClusterDefinition cluster(String name, Optional<Path> folder) {
        return new ClusterDefinition(name, List.of(PG1, PG2)).withMigrations(folder);
    }

    @Test
    void readsOnOpenOnAClusterChangeAndAfterAMigrationWorkflowButNeverOnATick() throws Exception {
        Migration m1 = migration("1", "a", true);
        Migration m2 = migration("2", "b", true);
        applied(m1, true);
        FakeReader reader = new FakeReader();
        reader.answer = reading(List.of("R__views.sql: repeatable migrations are not handled by Vigil"), m1, m2);
        try (Journal journal = Journal.open(dir.resolve("journal.jsonl"));
             MigrationsViewModel vm = new MigrationsViewModel(TaskExecutor.sameThread(), UiThread.immediate(), journal,
                     reader, MigrationSettings.defaults(), c -> Optional.empty())) {
            ClusterDefinition demo = cluster("demo", Optional.of(dir));
            vm.show(demo, Optional.of("pg1"));
            assertThat(reader.asked).hasSize(1);
            assertThat(reader.asked.get(0).node().name()).isEqualTo("pg1");
            assertThat(vm.rows()).hasSize(2);
            assertThat(vm.problems()).containsExactly("R__views.sql: repeatable migrations are not handled by Vigil");
            assertThat(vm.summaryProperty().get()).startsWith("Schema version 1 · 1 pending · read from pg1 at ");
            assertThat(vm.folderOriginProperty().get()).isEqualTo("from the cluster's settings");
            assertThat(vm.offersProperty().get().apply().enabled()).isTrue();

            for (int tick = 0; tick < 5; tick++) {
                vm.show(demo, Optional.of("pg1"));
            }
            assertThat(reader.asked).as("ticks do not read").hasSize(1);

            vm.opened();
            vm.show(demo, Optional.of("pg1"));
            assertThat(reader.asked).as("opening the view reads").hasSize(2);

            journal.append(new JournalEntry(Instant.now(), "action.step", "demo", "pg1", "step", Map.of("workflow",
                    "migration.rollback")));
            journal.append(new JournalEntry(Instant.now(), "action.outcome", "other", "pg1", "done", Map.of("workflow",
                    "migration.rollback")));
            journal.append(new JournalEntry(Instant.now(), "action.outcome", "demo", "pg1", "done", Map.of("workflow",
                    "switchover")));
            assertThat(reader.asked).as("only a migration workflow's outcome on this cluster reads").hasSize(2);
            journal.append(new JournalEntry(Instant.now(), "action.outcome", "demo", "pg1", "done", Map.of("workflow",
                    "migration.stop")));
            assertThat(reader.asked).hasSize(3);

            vm.show(cluster("prod", Optional.of(dir)), Optional.of("pg2"));
            assertThat(reader.asked).as("another cluster reads").hasSize(4);
            assertThat(reader.asked.get(3).node().name()).isEqualTo("pg2");
        }
    }

    @Test
    void withoutAFolderNothingIsReadUntilOneIsChosenForThisSession() {
        Migration m1 = migration("1", "a", true);
        FakeReader reader = new FakeReader();
        reader.answer = reading(m1);
        try (MigrationsViewModel vm = new MigrationsViewModel(TaskExecutor.sameThread(), UiThread.immediate(), null,
                reader, MigrationSettings.defaults(), c -> Optional.empty())) {
            ClusterDefinition prod = cluster("prod", Optional.empty());
            vm.show(prod, Optional.of("pg1"));
            assertThat(reader.asked).isEmpty();
            assertThat(vm.folderProperty().get()).isEmpty();
            assertThat(vm.offersProperty().get().apply().reason()).isEqualTo("no migrations folder is set for prod");

            vm.chooseFolder(dir);
            assertThat(reader.asked).hasSize(1);
            assertThat(reader.asked.get(0).source().describe()).isEqualTo("folder " + dir);
            assertThat(vm.folderOriginProperty().get()).isEqualTo("chosen for this session");
            assertThat(vm.rows()).hasSize(1);

            vm.show(cluster("other", Optional.empty()), Optional.of("pg1"));
            assertThat(vm.folderProperty().get()).as("the choice is per cluster").isEmpty();
            vm.show(prod, Optional.of("pg1"));
            assertThat(vm.folderProperty().get()).contains(dir);
            assertThat(vm.rollback(v("0")).title()).isEqualTo("Roll back migrations on pg1 to version 0");
            assertThat(vm.apply(v("1"), false).title()).isEqualTo("Apply pending migrations on pg1 up to version 1");
        }
    }

    @Test
    void aFailedReadOrNoPrimaryIsSaidAndAPrimaryComingBackReadsAgain() {
        Migration m1 = migration("1", "a", true);
        FakeReader reader = new FakeReader();
        reader.failure = new SQLException("password authentication failed for user \"ops\"");
        try (MigrationsViewModel vm = new MigrationsViewModel(TaskExecutor.sameThread(), UiThread.immediate(), null,
                reader, MigrationSettings.defaults(), c -> Optional.empty())) {
            ClusterDefinition demo = cluster("demo", Optional.of(dir));
            vm.show(demo, Optional.of("pg1"));
            assertThat(vm.errorProperty().get()).isEqualTo("Could not read the migrations of demo on pg1: password "
                    + "authentication failed for user \"ops\"");
            assertThat(vm.offersProperty().get().rollback().reason()).isEqualTo("the history could not be read");
            assertThat(vm.rows()).isEmpty();

            reader.failure = null;
            reader.answer = reading(m1);
            vm.opened();
            vm.show(demo, Optional.empty());
            assertThat(reader.asked).as("nothing to read from").hasSize(1);
            assertThat(vm.errorProperty().get()).startsWith("No primary is reachable");
            assertThat(vm.offersProperty().get().apply().reason())
                    .isEqualTo("no primary is reachable, and migrations run on the primary");

            vm.show(demo, Optional.of("pg2"));
            assertThat(reader.asked).as("a primary again: read from it").hasSize(2);
            assertThat(reader.asked.get(1).node().name()).isEqualTo("pg2");
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.rows()).extracting(r -> r.state()).containsExactly(VersionStatus.State.PENDING);
        }
    }

    @Test
    void theClusterBeingBusyGreysTheActionsOnTheNextTick() {
        Migration m1 = migration("1", "a", true);
        applied(m1, true);
        Migration m2 = migration("2", "b", true);
        FakeReader reader = new FakeReader();
        reader.answer = reading(m1, m2);
        Optional<String>[] busy = new Optional[] {Optional.empty()};
        try (MigrationsViewModel vm = new MigrationsViewModel(TaskExecutor.sameThread(), UiThread.immediate(), null,
                reader, MigrationSettings.defaults(), c -> busy[0])) {
            ClusterDefinition demo = cluster("demo", Optional.of(dir));
            vm.show(demo, Optional.of("pg1"));
            assertThat(vm.offersProperty().get().rollback().enabled()).isTrue();
            busy[0] = Optional.of("Roll back migrations on pg1 to version 0");
            vm.show(demo, Optional.of("pg1"));
            assertThat(vm.offersProperty().get().rollback().reason())
                    .isEqualTo("the cluster is busy with Roll back migrations on pg1 to version 0");
            assertThat(reader.asked).hasSize(1);
        }
    }
}
