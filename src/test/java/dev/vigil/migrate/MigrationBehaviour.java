package dev.vigil.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.Workload;
import dev.vigil.migrate.history.MigrationStatus;
import dev.vigil.migrate.history.SchemaHistory;
import dev.vigil.migrate.history.VersionStatus;
import dev.vigil.migrate.source.FlywayChecksum;
import dev.vigil.migrate.source.FlywayFolder;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.EngineLab;
import dev.vigil.ops.workflow.Confirmation;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.StepOutcome;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guided rollback and guarded apply on a real server, each test in a schema of its own with its own Flyway
 * history; Flyway itself (Community edition, in test scope) applies the starting versions and judges the history
 * Vigil leaves. Lock contention comes from real sessions; the guarded-apply test runs the shop workload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MigrationBehaviour {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private EngineLab lab;
    private LabCluster labCluster;
    private LabNode node;
    private ClusterDefinition cluster;
    private Path dir;

    abstract Optional<Path> pgBin();

    @BeforeAll
    void startLab(@TempDir Path tmp) {
        dir = tmp;
        lab = EngineLab.open(pgBin(), "mig", tmp);
        labCluster = lab.cluster();
        node = lab.primary();
        cluster = lab.definition();
    }

    @AfterAll
    void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    // --- undo -----------------------------------------------------------------------------------------------

    @Test
    void undoesTwoVersionsOneThatAddedAColumnWithDataAndFlywayAgrees() throws Exception {
        Path folder = folder("two", Map.of(
                "V1__create_items.sql", "CREATE TABLE two.items (id int PRIMARY KEY, name text NOT NULL);\n"
                        + "INSERT INTO two.items SELECT g, 'item ' || g FROM generate_series(1, 250) g;\n",
                "U1__create_items.sql", "DROP TABLE two.items;\n",
                "V2__add_note.sql", "ALTER TABLE two.items ADD COLUMN note text;\n"
                        + "UPDATE two.items SET note = 'note ' || id WHERE id <= 120;\n",
                "U2__add_note.sql", "ALTER TABLE two.items DROP COLUMN note;\n",
                "V3__create_audit.sql", "CREATE TABLE two.audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n"
                        + "CREATE INDEX audit_id_idx ON two.audit (id);\n",
                "U3__create_audit.sql", "-- the audit table goes, with its index\r\nDROP TABLE two.audit;\r\n"));
        Flyway flyway = flyway("two", folder);
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(3);
        MigrationRollbackWorkflow rollback = new MigrationRollbackWorkflow(target("two", folder, fast()),
                MigrationVersion.parse("1"));

        Proposal p = prepare(rollback);

        assertThat(p.plan().steps()).extracting(s -> s.title()).containsExactly("Undo 3 create audit", "Undo 2 add note");
        assertThat(p.plan().step(2).command().text()).contains("ALTER TABLE two.items DROP COLUMN note;")
                .contains("DELETE row for version 2 (U2__add_note.sql");
        assertThat(p.prechecks()).filteredOn(c -> !c.passed()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("data destroyed by U2__add_note.sql");
            assertThat(c.status()).isEqualTo(CheckResult.Status.WARN);
            assertThat(c.evidence()).isEqualTo("DROP COLUMN two.items.note: 120 values (rows where it is not null)");
        });
        assertThat(check(p, "data destroyed by U3__create_audit.sql").evidence()).isEqualTo("DROP TABLE two.audit: 0 rows");
        assertThat(check(p, "dry run of the undos (rolled back)")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.PASS);
            assertThat(c.evidence()).startsWith("ran and rolled back in ").contains("U3__create_audit.sql: 1 statement ran")
                    .contains("U2__add_note.sql: 1 statement ran");
        });
        assertThat(columnExists("two.items", "note")).as("the dry run changed nothing").isTrue();
        assertThat(check(p, "checksum of 2").evidence()).contains("as applied");
        assertThat(check(p, "versions to undo").evidence()).isEqualTo("3 create audit and 2 add note, newest first; "
                + "the schema version goes from 3 to 1");
        assertThat(p.consequence()).contains("goes from 3 to 1").contains("as a DELETE row");
        assertThat(p.typedConfirmationRequired()).isTrue();
        assertThat(execute(p, Confirmation.confirm().acknowledgingWarnings()).outcome())
                .as("the cluster name must be typed").isEqualTo(Outcome.REFUSED);

        p = prepare(rollback);
        WorkflowReport report = execute(p, Confirmation.confirm().acknowledgingWarnings().typing(cluster.name()));

        assertThat(report.outcome()).as(report.summary() + " " + report.steps()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(report.verification()).allSatisfy(v -> assertThat(v.passed()).as(v.toString()).isTrue())
                .extracting(CheckResult::name).contains("schema version on pg1 is 1", "history records the undo of 3",
                        "what V3__create_audit.sql created is gone", "what V2__add_note.sql created is gone",
                        "no session waits on Vigil on pg1");
        assertThat(report.steps()).allSatisfy(s -> assertThat(s.facts()).containsEntry("result", "DONE")
                .containsEntry("attempts", "1"));
        assertThat(columnExists("two.items", "note")).isFalse();
        assertThat(relationExists("two.audit")).isFalse();
        assertThat(scalar("SELECT count(*) FROM two.items")).isEqualTo(250);
        List<List<String>> undoRows = rows("SELECT version, type, script, checksum::text, success::text FROM "
                + "two.flyway_schema_history WHERE type = 'DELETE' ORDER BY installed_rank");
        assertThat(undoRows).containsExactly(
                List.of("3", "DELETE", "U3__create_audit.sql", Integer.toString(FlywayChecksum.of(
                        "-- the audit table goes, with its index\r\nDROP TABLE two.audit;\r\n")), "true"),
                List.of("2", "DELETE", "U2__add_note.sql", Integer.toString(FlywayChecksum.of(
                        "ALTER TABLE two.items DROP COLUMN note;\n")), "true"));

        // Flyway reads the history as Vigil left it: version 1 now, 2 and 3 pending again, nothing else wrong.
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(Arrays.stream(flyway.info().pending()).map(i -> i.getVersion().getVersion())).containsExactly("2", "3");
        ValidateResult validate = flyway.validateWithResult();
        assertThat(validate.invalidMigrations).allSatisfy(m -> assertThat(m.errorDetails.errorCode.toString())
                .isEqualTo("RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED")).hasSize(2);
        assertThat(flyway("two", folder, "*:pending").validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.migrate().migrationsExecuted).as("Flyway applies the undone versions again").isEqualTo(2);
        assertThat(scalar("SELECT count(note) FROM two.items")).isEqualTo(120);

        List<JsonNode> run = journalOf(p.runId());
        assertThat(run).extracting(n -> n.get("kind").asText()).contains("action.prechecks", "action.step.start",
                "action.step", "action.verify", "action.outcome");
        assertThat(run).filteredOn(n -> n.get("kind").asText().equals("action.step")).hasSize(2)
                .allSatisfy(n -> assertThat(n.get("evidence").get("fact.result").asText()).isEqualTo("DONE"));
    }

    @Test
    void teamsUndoRowsAreWhatVigilReadsButFlywayCommunityCannotReadThem() throws Exception {
        Path folder = folder("teams", Map.of(
                "V1__one.sql", "CREATE TABLE teams.one (id int);\n", "U1__one.sql", "DROP TABLE teams.one;\n",
                "V2__two.sql", "CREATE TABLE teams.two (id int);\n", "U2__two.sql", "DROP TABLE teams.two;\n"));
        Flyway flyway = flyway("teams", folder);
        flyway.migrate();
        MigrationTarget target = target("teams", folder, fast().withUndoMarker(UndoMarker.UNDO_SQL));

        WorkflowReport report = execute(prepare(new MigrationRollbackWorkflow(target, MigrationVersion.parse("1"))),
                Confirmation.confirm().typing(cluster.name()));

        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(rows("SELECT version, type, script FROM teams.flyway_schema_history ORDER BY installed_rank DESC LIMIT 1"))
                .containsExactly(List.of("2", "UNDO_SQL", "U2__two.sql"));
        MigrationStatus status = status(target);
        assertThat(status.current()).contains(MigrationVersion.parse("1"));
        assertThat(status.version(MigrationVersion.parse("2")).orElseThrow().state()).isEqualTo(VersionStatus.State.UNDONE);
        assertThatThrownBy(flyway::info).as("ADR 0024: Community edition stops at a Teams undo row")
                .hasMessageContaining("UNDO_SQL");
    }

    @Test
    void anUndoBlockedByAnIdleTransactionRetriesGivesUpAndNeverStallsAWriterLongerThanTheLockTimeout()
            throws Exception {
        Path folder = folder("blocked", Map.of(
                "V1__accounts.sql", "CREATE TABLE blocked.accounts (id int PRIMARY KEY, balance int NOT NULL);\n"
                        + "INSERT INTO blocked.accounts SELECT g, 0 FROM generate_series(1, 200) g;\n",
                "U1__accounts.sql", "DROP TABLE blocked.accounts;\n",
                "V2__add_flag.sql", "ALTER TABLE blocked.accounts ADD COLUMN flag boolean;\n",
                "U2__add_flag.sql", "ALTER TABLE blocked.accounts DROP COLUMN flag;\n"));
        flyway("blocked", folder).migrate();
        Duration lockTimeout = Duration.ofMillis(600);
        Guards guards = Guards.defaults().withLockTimeout(lockTimeout).withStatementTimeout(Duration.ofSeconds(10))
                .withRetries(2, Duration.ofMillis(200), Duration.ofMillis(400)).withWatch(50, Duration.ofSeconds(30));
        MigrationRollbackWorkflow rollback = new MigrationRollbackWorkflow(target("blocked", folder,
                MigrationSettings.defaults().withFlywaySchema("blocked").withGuards(guards)), MigrationVersion.parse("1"));

        try (Connection holder = node.connect(LabCluster.DATABASE); Writer writer = new Writer()) {
            holder.setAutoCommit(false);
            scalar(holder, "SELECT count(*) FROM blocked.accounts");
            int holderPid = scalar(holder, "SELECT pg_catalog.pg_backend_pid()");
            writer.start();
            Waits.until(WAIT, "the writer to write", () -> writer.writes.get() > 5);

            Proposal p = prepare(rollback);
            assertThat(check(p, "dry run of the undo (rolled back)")).satisfies(c -> {
                assertThat(c.status()).isEqualTo(CheckResult.Status.WARN);
                assertThat(c.evidence()).contains("55P03").contains("pid " + holderPid).contains("idle in transaction");
            });
            WorkflowReport report = execute(p, Confirmation.confirm().acknowledgingWarnings().typing(cluster.name()));
            long writesAfter = writer.writes.get();
            Waits.until(WAIT, "the writer to go on", () -> writer.writes.get() > writesAfter + 5);
            writer.stop();

            assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.FAILED);
            StepRecord step = report.steps().get(0);
            assertThat(step.outcome()).isEqualTo(StepOutcome.FAILED);
            assertThat(step.detail()).contains("U2__add_flag.sql", "could not get its lock: gave up after 3 attempts",
                    "lock_timeout 600 ms each", "pid " + holderPid, "nothing was changed");
            assertThat(step.facts()).containsEntry("result", "LOCK_TIMEOUT").containsEntry("attempts", "3");
            assertThat(Long.parseLong(step.facts().get("lock_waited_ms"))).isBetween(3 * 600L + 600, 3 * 600L + 600 + 1500);
            assertThat(report.summary()).contains("Step 1 of 1 failed");
            assertThat(report.nextActions()).anySatisfy(a -> assertThat(a).contains("never got its lock")
                    .contains("pid " + holderPid));
            assertThat(columnExists("blocked.accounts", "flag")).as("nothing was undone").isTrue();
            assertThat(scalar("SELECT count(*) FROM blocked.flyway_schema_history WHERE type = 'DELETE'")).isZero();
            long worst = writer.worstMillis.get();
            System.out.printf("[migrate] writer beside a blocked undo: %d writes, worst %d ms (lock_timeout %d ms)%n",
                    writer.writes.get(), worst, lockTimeout.toMillis());
            assertThat(worst).as("the writer queued behind the undo's lock request, for no longer than its timeout")
                    .isGreaterThan(lockTimeout.toMillis() / 2).isLessThan(lockTimeout.toMillis() + 400);
            holder.rollback();
        }
    }

    @Test
    void aStatementThatCannotRunInATransactionIsFlaggedAndRunsOutsideOne() throws Exception {
        Path folder = folder("conc", Map.of(
                "V1__events.sql", "CREATE TABLE conc.events (id int PRIMARY KEY, kind text);\n"
                        + "INSERT INTO conc.events SELECT g, 'k' || (g % 7) FROM generate_series(1, 500) g;\n",
                "U1__events.sql", "DROP TABLE conc.events;\n",
                "V2__index_kind.sql", "CREATE INDEX CONCURRENTLY events_kind_idx ON conc.events (kind);\n",
                "U2__index_kind.sql", "DROP INDEX CONCURRENTLY conc.events_kind_idx;\n"));
        Flyway flyway = flyway("conc", folder);
        flyway.migrate();
        assertThat(relationExists("conc.events_kind_idx")).isTrue();

        Proposal p = prepare(new MigrationRollbackWorkflow(target("conc", folder, fast()), MigrationVersion.parse("1")));

        assertThat(check(p, "transactions of U2__index_kind.sql")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.WARN);
            assertThat(c.evidence()).contains("statement 1 (line 1) DROP INDEX CONCURRENTLY conc.events_kind_idx")
                    .contains("The plan: statement 1 (line 1) alone, outside any transaction (DROP INDEX CONCURRENTLY "
                            + "cannot run inside a transaction block); then the history row in a transaction of its own");
        });
        assertThat(check(p, "dry run of the undo (rolled back)")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.PASS);
            assertThat(c.evidence()).contains("0 statements ran").contains("not run in the dry run: statement 1 (line 1)");
        });
        assertThat(p.plan().step(1).command().text()).containsSubsequence("-- outside a transaction:",
                "DROP INDEX CONCURRENTLY conc.events_kind_idx;", "BEGIN;", "INSERT INTO \"conc\".\"flyway_schema_history\"");

        WorkflowReport report = execute(p, Confirmation.confirm().acknowledgingWarnings().typing(cluster.name()));

        assertThat(report.outcome()).as(report.summary() + " " + report.steps()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(report.steps().get(0).facts().get("log")).contains("U2__index_kind.sql: done in");
        assertThat(relationExists("conc.events_kind_idx")).as("it ran: inside a transaction it is refused (25001)").isFalse();
        assertThat(check(report.verification(), "what V2__index_kind.sql created is gone").evidence())
                .isEqualTo("gone: index conc.events_kind_idx");
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("1");
    }

    @Test
    void aMissingUndoScriptIsRefusedNamingTheVersion() throws Exception {
        Path folder = folder("nundo", Map.of(
                "V1__base.sql", "CREATE TABLE nundo.base (id int);\n", "U1__base.sql", "DROP TABLE nundo.base;\n",
                "V2__add_thing.sql", "ALTER TABLE nundo.base ADD COLUMN thing int;\n"));
        flyway("nundo", folder).migrate();
        int rowsBefore = scalar("SELECT count(*) FROM nundo.flyway_schema_history");

        Proposal p = prepare(new MigrationRollbackWorkflow(target("nundo", folder, fast()), MigrationVersion.parse("0")));

        assertThat(p.blocked()).isTrue();
        assertThat(p.failures()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("undo script for 2");
            assertThat(c.evidence()).isEqualTo("no U2__*.sql in folder " + folder + ": version 2 add thing cannot be undone");
            assertThat(c.fix()).startsWith("Write U2__add_thing.sql");
        });
        assertThat(p.prechecks()).extracting(CheckResult::name).doesNotContain("dry run of the undos (rolled back)");
        assertThat(execute(p, Confirmation.confirm().acknowledgingWarnings().typing(cluster.name())).outcome())
                .isEqualTo(Outcome.BLOCKED);
        assertThat(scalar("SELECT count(*) FROM nundo.flyway_schema_history")).isEqualTo(rowsBefore);
        assertThat(columnExists("nundo.base", "thing")).isTrue();
    }

    // --- guarded apply --------------------------------------------------------------------------------------

    @Test
    void guardedApplyRefusesAVersionWithoutUndoUnlessAllowedAndWritesHistoryFlywayValidates() throws Exception {
        Path folder = folder("fresh", Map.of(
                "V1__create_things.sql", "CREATE TABLE fresh.things (id int PRIMARY KEY);\n"
                        + "INSERT INTO fresh.things SELECT generate_series(1, 10);\n",
                "U1__create_things.sql", "DROP TABLE fresh.things;\n",
                "V1_1__add_label.sql", "ALTER TABLE fresh.things ADD COLUMN label text DEFAULT 'x';\n"));
        execute(dev.vigil.lab.LabCluster.DATABASE, "CREATE SCHEMA fresh");
        MigrationTarget target = target("fresh", folder, fast());

        Proposal refused = prepare(new ApplyMigrationsWorkflow(target, Optional.empty(), false));
        assertThat(refused.failures()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("undo script for 1.1");
            assertThat(c.evidence()).contains("no U1.1__*.sql");
        });
        assertThat(check(refused, "history table fresh.flyway_schema_history on pg1").evidence())
                .startsWith("not there yet");

        Proposal p = prepare(new ApplyMigrationsWorkflow(target, Optional.empty(), true));
        assertThat(p.blocked()).isFalse();
        assertThat(check(p, "dry run (rolled back)").status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(relationExists("fresh.flyway_schema_history")).as("the dry run left nothing").isFalse();
        WorkflowReport report = execute(p, Confirmation.confirm().acknowledgingWarnings());

        assertThat(report.outcome()).as(report.summary() + " " + report.steps()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(report.verification()).allSatisfy(v -> assertThat(v.passed()).as(v.toString()).isTrue())
                .extracting(CheckResult::name).contains("schema version on pg1 is 1.1", "history records 1.1",
                        "what V1_1__add_label.sql creates is there");
        Flyway flyway = flyway("fresh", folder);
        ValidateResult validate = flyway.validateWithResult();
        assertThat(validate.validationSuccessful).as(String.valueOf(validate.invalidMigrations)).isTrue();
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).extracting(i -> i.getVersion().getVersion(), MigrationInfo::getState, MigrationInfo::getScript)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", MigrationState.SUCCESS, "V1__create_things.sql"),
                        org.assertj.core.groups.Tuple.tuple("1.1", MigrationState.SUCCESS, "V1_1__add_label.sql"));
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void aGuardedApplyStoppedAfterAPartOutsideATransactionIsRecordedAsFailedAsFlywayWould() throws Exception {
        Path folder = folder("half", Map.of(
                "V1__base.sql", "CREATE TABLE half.t (id int, kind int);\n", "U1__base.sql", "DROP TABLE half.t;\n",
                // The dry run skips the first statement, so the second passes there and fails for real.
                "V2__index_then_fail.sql", "CREATE INDEX CONCURRENTLY t_kind_idx ON half.t (kind);\n"
                        + "CREATE INDEX t_kind_idx ON half.t (id);\n",
                "U2__index_then_fail.sql", "DROP INDEX CONCURRENTLY IF EXISTS half.t_kind_idx;\n"));
        Flyway flyway = flyway("half", folder);
        config("half", folder).target("1").load().migrate();
        Proposal p = prepare(new ApplyMigrationsWorkflow(target("half", folder, fast()), Optional.empty(), false));
        assertThat(check(p, "transactions of V2__index_then_fail.sql").status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(check(p, "dry run (rolled back)").evidence()).contains("not run in the dry run: statement 1 (line 1)");

        WorkflowReport report = execute(p, Confirmation.confirm().acknowledgingWarnings());

        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(report.steps().get(0).detail()).contains("statement 2 (line 2) failed: ERROR 42P07: relation \"t_kind_idx\" already exists")
                .contains("the script is partly applied").contains("recorded in the history as failed");
        assertThat(report.steps().get(0).facts()).containsEntry("partly_applied", "true");
        assertThat(relationExists("half.t_kind_idx")).isTrue();
        assertThat(Arrays.stream(flyway.info().all()).filter(i -> i.getVersion() != null && i.getVersion().getVersion().equals("2")))
                .extracting(MigrationInfo::getState).containsExactly(MigrationState.FAILED);
        assertThat(report.nextActions()).anySatisfy(a -> assertThat(a).contains("partly applied and recorded as failed"));
    }

    @Test
    void guardedApplyThatWouldBlockTrafficCancelsItselfAndTheWorkloadResumes() throws Exception {
        Path folder = folder("guard", Map.of(
                "V1__orders_note.sql", "ALTER TABLE shop.orders ADD COLUMN note text;\n",
                "U1__orders_note.sql", "ALTER TABLE shop.orders DROP COLUMN note;\n"));
        execute(LabCluster.DATABASE, "CREATE SCHEMA guard");
        Guards guards = Guards.defaults().withLockTimeout(Duration.ofSeconds(20)).withStatementTimeout(Duration.ofSeconds(30))
                .withRetries(0, Duration.ofMillis(100), Duration.ofMillis(100)).withWatch(1, Duration.ofSeconds(1));
        MigrationTarget target = target("guard", folder, MigrationSettings.defaults().withFlywaySchema("guard")
                .withGuards(guards));

        try (Workload workload = Workload.start(labCluster, new Workload.Settings(60, 0.6, 4));
             Connection longTransaction = node.connect(LabCluster.DATABASE)) {
            Waits.until(WAIT, "the workload to write", () -> workload.stats().acknowledgedWrites() > 10);
            longTransaction.setAutoCommit(false);
            scalar(longTransaction, "SELECT count(*) FROM (SELECT 1 FROM shop.orders LIMIT 1) one");

            Proposal p = prepare(new ApplyMigrationsWorkflow(target, Optional.empty(), false));
            assertThat(check(p, "dry run (rolled back)")).satisfies(c -> {
                assertThat(c.status()).isEqualTo(CheckResult.Status.WARN);
                assertThat(c.evidence()).contains("cancelled by the watch: it made").contains("sessions wait for");
            });
            long t0 = System.nanoTime();
            WorkflowReport report = execute(p, Confirmation.confirm().acknowledgingWarnings());
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            long writesAtEnd = workload.stats().acknowledgedWrites();
            Waits.until(Duration.ofSeconds(10), "the workload to write again",
                    () -> workload.stats().acknowledgedWrites() > writesAtEnd + 10);

            assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.FAILED);
            StepRecord step = report.steps().get(0);
            assertThat(step.facts()).containsEntry("result", "WATCH_CANCELLED").containsEntry("attempts", "1");
            assertThat(Integer.parseInt(step.facts().get("peak_sessions_waiting"))).isGreaterThan(1);
            assertThat(step.detail()).startsWith("Vigil cancelled its own statement at V1__orders_note.sql, statement 1 "
                    + "(line 1) because it made ").contains("nothing was changed");
            assertThat(step.took()).as("cancelled by the watch long before its 20 s lock timeout")
                    .isLessThan(Duration.ofSeconds(6));
            assertThat(report.nextActions()).anySatisfy(a -> assertThat(a).contains("made live traffic wait"));
            assertThat(columnExists("shop.orders", "note")).isFalse();
            assertThat(relationExists("guard.flyway_schema_history")).as("rolled back with the migration").isFalse();
            System.out.printf("[migrate] guarded apply cancelled itself: step %d ms, run %d ms, peak %s sessions waiting%n",
                    step.took().toMillis(), took.toMillis(), step.facts().get("peak_sessions_waiting"));
            longTransaction.rollback();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private MigrationSettings fast() {
        return MigrationSettings.defaults().withGuards(Guards.defaults().withStatementTimeout(Duration.ofSeconds(10)));
    }

    private MigrationTarget target(String schema, Path folder, MigrationSettings settings) {
        MigrationSettings s = settings.history().schema().equals(schema) ? settings : settings.withFlywaySchema(schema);
        return MigrationTarget.of(cluster, "pg1", new FlywayFolder(folder), s);
    }

    private Path folder(String name, Map<String, String> files) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue());
        }
        return folder;
    }

    private Flyway flyway(String schema, Path folder, String... ignore) {
        return config(schema, folder, ignore).load();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration config(String schema, Path folder, String... ignore) {
        return Flyway.configure().dataSource(node.jdbcUrl(LabCluster.DATABASE), LabCredentials.SUPERUSER,
                        labCluster.credentials().superuserPassword())
                .schemas(schema).locations("filesystem:" + folder).ignoreMigrationPatterns(ignore)
                // Flyway's default transactional advisory lock keeps a transaction open on its second connection,
                // which CREATE INDEX CONCURRENTLY then waits for forever (Flyway documents this setting for it).
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
    }

    private MigrationStatus status(MigrationTarget target) throws Exception {
        try (Connection c = node.connect(LabCluster.DATABASE)) {
            return MigrationStatus.of(target.source().load(), SchemaHistory.read(c, target.settings().history()));
        }
    }

    private Proposal prepare(Workflow w) throws Exception {
        return lab.prepare(w, WAIT);
    }

    private WorkflowReport execute(Proposal p, Confirmation c) throws Exception {
        return lab.execute(p, c, WAIT);
    }

    private static CheckResult check(Proposal p, String name) {
        return check(p.prechecks(), name);
    }

    private static CheckResult check(List<CheckResult> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + checks));
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection c = node.connect(database); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private int scalar(String sql) throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE)) {
            return scalar(c, sql);
        }
    }

    private static int scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = node.connect(LabCluster.DATABASE); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private boolean relationExists(String name) throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE);
             PreparedStatement st = c.prepareStatement("SELECT pg_catalog.to_regclass(?) IS NOT NULL")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private boolean columnExists(String table, String column) throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass(?) "
                        + "AND attname = ? AND NOT attisdropped")) {
            st.setString(1, table);
            st.setString(2, column);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private List<JsonNode> journalOf(String runId) throws Exception {
        return lab.journalOf(runId);
    }

    /** Updates rows of blocked.accounts one statement at a time and keeps the slowest statement's time. */
    private final class Writer implements AutoCloseable {
        final AtomicLong writes = new AtomicLong();
        final AtomicLong worstMillis = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private CompletableFuture<Void> loop;

        void start() {
            loop = CompletableFuture.runAsync(() -> {
                try (Connection c = node.connect(LabCluster.DATABASE);
                     PreparedStatement st = c.prepareStatement("UPDATE blocked.accounts SET balance = balance + 1 "
                             + "WHERE id = ?")) {
                    int id = 2;
                    while (running.get()) {
                        st.setInt(1, id);
                        long t0 = System.nanoTime();
                        st.executeUpdate();
                        worstMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                        writes.incrementAndGet();
                        id = id % 199 + 2;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        void stop() {
            running.set(false);
            loop.join();
        }

        @Override
        public void close() {
            running.set(false);
        }
    }
}
