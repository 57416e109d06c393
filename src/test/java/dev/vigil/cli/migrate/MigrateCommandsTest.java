package dev.vigil.cli.migrate;

import dev.vigil.cli.CliLab;
import dev.vigil.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.Json;
import dev.vigil.cli.VigilCli;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.host.Waits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * `vigil migrate status|apply|rollback` headless against a lab this JVM runs (a primary and a standby), found
 * on disk as {@code lab:<name>}, with a folder of V- and U-scripts: status before and after, a dry run that
 * changes nothing, a guarded apply, a rollback, a migration seen in flight, a missing undo and a missing folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateCommandsTest {
    private static final String NAME = "lab:climig";
    private CliLab lab;
    private LabCluster cluster;
    private Path dir;
    private Path folder;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        lab = CliLab.open("climig", 1, tmp);
        cluster = lab.cluster();
        folder = Files.createDirectory(tmp.resolve("db"));
        write("V1__create_items.sql", "CREATE TABLE public.items (id int PRIMARY KEY, name text NOT NULL);\n"
                + "INSERT INTO public.items SELECT g, 'item ' || g FROM generate_series(1, 50) g;\n");
        write("U1__create_items.sql", "DROP TABLE public.items;\n");
        write("V2__add_note.sql", "ALTER TABLE public.items ADD COLUMN note text;\n"
                + "UPDATE public.items SET note = 'note ' || id WHERE id <= 20;\n");
        write("U2__add_note.sql", "ALTER TABLE public.items DROP COLUMN note;\n");
        write("V3__create_audit.sql", "CREATE TABLE public.audit (id bigint PRIMARY KEY);\n");
        write("U3__create_audit.sql", "DROP TABLE public.audit;\n");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private void write(String file, String sql) throws Exception {
        Files.writeString(folder.resolve(file), sql);
    }

    private CliRun vigil(String... args) {
        List<String> more = new ArrayList<>();
        if (!args[1].equals("status")) {
            more.addAll(List.of("--journal", dir.resolve("journal.jsonl").toString()));
        }
        if (List.of(args).stream().noneMatch(a -> a.equals("--folder")) && !args[1].equals("stop")) {
            more.addAll(List.of("--folder", folder.toString()));
        }
        return lab.vigil(List.of(args), more);
    }

    private String scalar(String sql) throws SQLException {
        try (Connection c = cluster.primary().connect(LabCluster.DATABASE); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private boolean noteColumnExists() throws SQLException {
        return "1".equals(scalar("SELECT count(*) FROM pg_catalog.pg_attribute WHERE attrelid = "
                + "pg_catalog.to_regclass('public.items') AND attname = 'note' AND NOT attisdropped"));
    }

    @Test
    @Order(1)
    void statusOfAFreshDatabaseListsEveryVersionPendingWithItsUndoOnThePrimary() {
        CliRun run = vigil("migrate", "status");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Migrations of " + NAME + " on pg1 (primary), from folder " + folder,
                "History public.flyway_schema_history is not there", "Pending: 1, 2, 3 (",
                "Without an undo script: none.", "In flight on pg1 now: none seen");
        assertThat(run.out()).containsPattern("\\n  1 +pending +- +U1__create_items.sql +create items\\n")
                .containsPattern("\\n  3 +pending +- +U3__create_audit.sql +create audit\\n");
    }

    @Test
    @Order(2)
    void aDryRunOfApplyShowsThePlanAndChangesNothing() throws Exception {
        CliRun run = vigil("migrate", "apply", "--to", "2", "--dry-run");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("Apply pending migrations on pg1 up to version 2 (dry run", "Topology now",
                "Plan (2 steps", "Apply 1 create items", "Apply 2 add note", "ALTER TABLE public.items ADD COLUMN note",
                "[PASS] undo script for 2: U2__add_note.sql", "[PASS] dry run (rolled back)", "Consequence: Apply 2 "
                        + "migrations", "Outcome: DRY_RUN").doesNotContain("Node control", "Apply 3");
        assertThat(scalar("SELECT pg_catalog.to_regclass('public.flyway_schema_history')::text")).isNull();
        assertThat(scalar("SELECT pg_catalog.to_regclass('public.items')::text")).isNull();
    }

    @Test
    @Order(3)
    void applyUpToAVersionRunsTheScriptsAndStatusShowsThemApplied() throws Exception {
        CliRun run = vigil("migrate", "apply", "--to", "2", "--yes-i-typed", NAME);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("[1/2] Apply 1 create items", "[2/2] Apply 2 add note", "Outcome: SUCCEEDED");
        assertThat(noteColumnExists()).isTrue();

        CliRun status = vigil("migrate", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Schema version: 2.", "Pending: 3 (", "Failed: none.")
                .containsPattern("\\n  1 +applied +matches +U1__create_items.sql +create items +\\d{4}-\\d\\d-\\d\\d "
                        + "[0-9:]{8} by postgres in \\d+ ms\\n")
                .containsPattern("\\n  2 +applied +matches +U2__add_note.sql +add note ");

        CliRun json = vigil("migrate", "status", "--json");
        JsonNode doc = Json.MAPPER.readTree(json.out());
        assertThat(doc.get("schemaVersion").asText()).isEqualTo("2");
        assertThat(doc.get("versions")).hasSize(3);
        assertThat(doc.get("versions").get(1).get("checksumMatches").asBoolean()).isTrue();
        assertThat(doc.get("versions").get(1).get("success").asBoolean()).isTrue();
        assertThat(doc.get("versions").get(2).get("state").asText()).isEqualTo("pending");
    }

    @Test
    @Order(4)
    void statusShowsAMigrationHoldingUpOthersNow() throws Exception {
        try (Connection holder = cluster.primary().connect(LabCluster.DATABASE);
             Connection waiter = cluster.primary().connect(LabCluster.DATABASE);
             Statement h = holder.createStatement()) {
            h.execute("SET application_name = 'flyway'");
            int pid = Integer.parseInt(scalarOn(holder, "SELECT pg_catalog.pg_backend_pid()"));
            holder.setAutoCommit(false);
            h.execute("LOCK TABLE public.items IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<String> blocked = CompletableFuture.supplyAsync(() -> {
                try (Statement w = waiter.createStatement()) {
                    w.execute("SET statement_timeout = '30s'");
                    return scalarOn(waiter, "SELECT count(*) FROM public.items");
                } catch (SQLException e) {
                    return e.getMessage();
                }
            });
            Waits.until(Duration.ofSeconds(10), "the reader waits for the lock", () -> {
                try {
                    return "1".equals(scalar("SELECT count(*) FROM pg_catalog.pg_stat_activity "
                            + "WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT count(*) FROM public.items%'"));
                } catch (SQLException e) {
                    return false;
                }
            });

            CliRun run = vigil("migrate", "status");

            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("In flight on pg1 now: 1 session that looks like a migration",
                    "pid " + pid + " (flyway) holds AccessExclusiveLock on items; 1 session waits behind it",
                    "a flyway session; running DDL", "LOCK TABLE public.items",
                    "vigil migrate stop --cluster " + NAME + " --node pg1 --pid " + pid);

            // It is idle in its transaction, so a cancel would not end it: the escalation terminates it.
            CliRun stop = vigil("migrate", "stop", "--node", "pg1", "--pid", Integer.toString(pid), "--terminate",
                    "--acknowledge-warnings", "--yes-i-typed", NAME);
            assertThat(stop.exit()).isZero();
            assertThat(stop.out()).contains("pg_terminate_backend", "Outcome: SUCCEEDED", "items kept its shape");
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo("50");
        }
    }

    private static String scalarOn(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    @Order(5)
    void rollbackToAnEarlierVersionUndoesTheNewerOnes() throws Exception {
        CliRun untyped = vigil("migrate", "rollback", "--to", "1", "--acknowledge-warnings");
        assertThat(untyped.exit()).isEqualTo(2);
        assertThat(untyped.out()).contains("--yes-i-typed " + NAME, "Outcome: DECLINED");
        assertThat(noteColumnExists()).isTrue();

        CliRun run = vigil("migrate", "rollback", "--to", "1", "--acknowledge-warnings", "--yes-i-typed", NAME);

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("Roll back migrations on pg1 to version 1", "Undo 2 add note",
                "ALTER TABLE public.items DROP COLUMN note", "[WARN] data destroyed by U2__add_note.sql: "
                        + "DROP COLUMN public.items.note: 20 values", "[PASS] dry run of the undo (rolled back)",
                "[1/1] Undo 2 add note", "Outcome: SUCCEEDED");
        assertThat(noteColumnExists()).isFalse();
        CliRun status = vigil("migrate", "status");
        assertThat(status.out()).contains("Schema version: 1.", "Pending: 2, 3 (")
                .containsPattern("\\n  2 +undone +matches +U2__add_note.sql +add note ");
    }

    @Test
    @Order(6)
    void aVersionWithoutAnUndoScriptIsRefusedByName() throws Exception {
        write("V4__no_way_back.sql", "CREATE TABLE public.no_way_back (id int);\n");
        try {
            CliRun run = vigil("migrate", "apply", "--yes-i-typed", NAME, "--acknowledge-warnings");
            assertThat(run.exit()).as(run.out()).isEqualTo(2);
            assertThat(run.out()).contains("[FAIL] undo script for 4: no U4__*.sql: once applied, version 4 cannot be "
                    + "rolled back by Vigil", "fix: Write U4__no_way_back.sql", "Outcome: BLOCKED");
            assertThat(scalar("SELECT pg_catalog.to_regclass('public.audit')::text")).as("nothing ran").isNull();
            assertThat(vigil("migrate", "status").out()).contains("Without an undo script: 4 (");
        } finally {
            Files.delete(folder.resolve("V4__no_way_back.sql"));
        }
    }

    @Test
    @Order(7)
    void anUnknownFolderOrNoFolderIsAUsageErrorThatSaysWhatToDo() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        CliRun status = vigil("migrate", "status", "--folder", missing.toString());
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.err()).contains("migration folder " + missing + " (given with --folder) does not exist");
        CliRun apply = vigil("migrate", "apply", "--dry-run", "--folder", missing.toString());
        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.err()).contains("vigil migrate apply: migration folder " + missing);

        StringWriter err = new StringWriter();
        int exit = VigilCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "migrate",
                "status", "--cluster", NAME, "--config", dir.resolve("none.yaml").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cluster " + NAME + " has no migrations folder: give one with --folder DIR");
        assertThat(vigil("migrate", "rollback", "--to", "one", "--dry-run").err()).contains("'one' is not a version");
    }

    @Test
    @Order(8)
    void filesThatAreNotMigrationsAreNamedWithTheFix() throws Exception {
        Path odd = Files.createDirectory(dir.resolve("odd"));
        Files.writeString(odd.resolve("V1__create_items.sql"), "CREATE TABLE public.items (id int);\n");
        Files.writeString(odd.resolve("V1.1-typo.sql"), "SELECT 1;\n");
        Files.writeString(odd.resolve("U9__orphan.sql"), "SELECT 1;\n");

        CliRun run = vigil("migrate", "status", "--folder", odd.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Problems in the folder " + odd + ":",
                "V1.1-typo.sql: not a versioned (V) or undo (U) script name; ignored",
                "U9__orphan.sql undoes version 9, which has no V-script in " + odd, "Fix: rename or remove them.");
    }
}
