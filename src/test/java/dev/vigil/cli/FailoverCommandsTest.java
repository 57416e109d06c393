package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.monitor.seen.SeenWrites;
import dev.vigil.ops.failover.NodeFences;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * `vigil switchover`, `failover` and `rejoin` headless against a lab this JVM runs, found on disk as
 * {@code lab:<name>} like a lab from `vigil lab up`, and controlled through its marker: dry run, refusal without
 * a typed name, a switchover, a failover after kill -9, and the rejoin of the failed primary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverCommandsTest {
    private static final String NAME = "lab:clifail";
    private CliLab lab;
    private LabCluster cluster;
    private Path journal;
    private Path config;

    @BeforeAll
    void start(@TempDir Path dir) {
        // Two standbys: a rejoin copies its primary_conninfo from a standby that follows the new primary.
        lab = CliLab.open("clifail", 2, dir);
        cluster = lab.cluster();
        journal = dir.resolve("journal.jsonl");
        config = lab.config();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CliRun vigil(String... args) {
        return vigilWith(journal, args);
    }

    private CliRun vigilWith(Path journalFile, String... args) {
        return lab.vigil(List.of(args), List.of("--journal", journalFile.toString()));
    }

    private List<String> writable() {
        return cluster.nodes().stream().filter(LabNode::isRunning).filter(LabNode::isReachable)
                .filter(n -> !n.isInRecovery()).map(LabNode::name).toList();
    }

    @Test
    @Order(1)
    void dryRunPrintsTopologyPlanAndPrechecksAndChangesNothing() {
        CliRun run = vigil("switchover", "--to", "pg2", "--dry-run");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Topology now", "pg1 (127.0.0.1:" + cluster.node("pg1").port() + ") primary",
                "After \"Switch over lab:clifail to pg2\":", "Plan (", "CHECKPOINT", "pg_ctl stop -D", "Prechecks:",
                "[PASS]", "Consequence:", "Outcome: DRY_RUN");
        assertThat(run.out()).doesNotContain("[FAIL]");
        assertThat(writable()).containsExactly("pg1");
    }

    @Test
    @Order(2)
    void withoutATypedNameAndNoTerminalNothingRuns() throws Exception {
        CliRun run = vigil("switchover", "--to", "pg2", "--acknowledge-warnings");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("--yes-i-typed " + NAME, "Outcome: DECLINED").doesNotContain("[1/");
        assertThat(writable()).containsExactly("pg1");
        assertThat(Files.readString(journal)).contains("action.confirmation", "Declined by");
    }

    @Test
    @Order(3)
    void aMistypedNameIsRefusedAndAMissingOptionIsAUsageError() {
        CliRun wrong = vigil("switchover", "--to", "pg2", "--acknowledge-warnings", "--yes-i-typed", "clifail");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.out()).contains("Outcome: REFUSED");
        CliRun noNode = vigil("switchover", "--to", "pg9", "--dry-run");
        assertThat(noNode.exit()).isEqualTo(1);
        assertThat(noNode.err()).contains("has no node pg9");
        CliRun missing = vigil("rejoin");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(writable()).containsExactly("pg1");
    }

    @Test
    @Order(4)
    void aNameMistypedAtTheTerminalIsRefused() throws Exception {
        ActionOptions options = new ActionOptions();
        options.cluster = NAME;
        options.config = config;
        options.journal = journal;
        List<String> prompts = new ArrayList<>();
        StringWriter out = new StringWriter();
        int exit = new GuidedAction(options, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                java.util.Optional.of(prompt -> {
                    prompts.add(prompt);
                    return java.util.Optional.of(prompt.startsWith("Acknowledge") ? "y" : "clifail");
                })).run("switchover", (c, control, settings, fences) ->
                new dev.vigil.ops.failover.SwitchoverWorkflow(c, "pg2", control, settings, fences));
        assertThat(exit).isEqualTo(2);
        assertThat(prompts).anySatisfy(p -> assertThat(p).contains("Type the cluster name (" + NAME + ")"));
        assertThat(out.toString()).contains("Outcome: REFUSED").doesNotContain("[1/");
        assertThat(writable()).containsExactly("pg1");
    }

    @Test
    @Order(5)
    void aTypedSwitchoverHandsThePrimaryRoleOver() {
        CliRun run = vigil("switchover", "--to", "pg2", "--acknowledge-warnings", "--yes-i-typed", NAME);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("[1/", "done in", "Outcome: SUCCEEDED");
        assertThat(writable()).containsExactly("pg2");
        assertThat(cluster.streamingStandbys(cluster.node("pg2"))).containsExactlyInAnyOrder("pg1", "pg3");
    }

    @Test
    @Order(6)
    void aDryRunAfterKillNineEstimatesTheLossFromWhatAWatchSaw(@TempDir Path elsewhere) {
        CliRun watch = vigil("watch", "--count", "3", "--quiet");
        assertThat(watch.exit()).as(watch.err()).isZero();
        assertThat(watch.out()).as("--quiet prints no line per round").doesNotContain(NAME + "  pg");
        SeenWrites seen = SeenWrites.besideJournal(journal);
        assertThat(seen.latest(NAME)).hasValueSatisfying(w -> {
            assertThat(w.node()).isEqualTo("pg2");
            assertThat(w.seenBy()).startsWith("vigil watch (pid ");
        });
        cluster.node("pg2").kill9();

        CliRun dry = vigil("failover", "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("data-loss estimate", "by vigil watch (pid ", "Outcome: DRY_RUN")
                .containsPattern("(0 B known lost: pg[13] has received|up to [0-9.]+ [KMGi]*B of WAL pg2 wrote)")
                .doesNotContain("unknown: no Vigil monitor");

        // Beside a journal no monitor wrote to: unknown, with what each standby has, and how to know next time.
        CliRun blind = vigilWith(elsewhere.resolve("journal.jsonl"), "failover", "--dry-run");
        assertThat(blind.exit()).as(blind.out() + blind.err()).isZero();
        assertThat(blind.out()).contains("unknown: no Vigil monitor saw " + NAME + "'s primary write",
                "pg1 received ", "pg3 received ", ", replayed ", "vigil watch --quiet");
        assertThat(writable()).as("dry runs change nothing").isEmpty();
    }

    @Test
    @Order(7)
    void aFailoverAfterKillNineThenARejoinBringTheClusterBack() {
        CliRun failover = vigil("failover", "--acknowledge-warnings", "--yes-i-typed", NAME);
        assertThat(failover.exit()).as(failover.out()).isZero();
        assertThat(failover.out()).contains("Outcome: SUCCEEDED");
        assertThat(failover.out()).contains("data-loss estimate", "Fence pg2", "[6/6]");
        assertThat(writable()).hasSize(1).doesNotContain("pg2");
        LabNode primary = cluster.node(writable().get(0));
        NodeFences fences = NodeFences.besideJournal(journal);
        assertThat(fences.fenced(NAME)).containsKey("pg2");

        CliRun rejoin = vigil("rejoin", "--node", "pg2", "--acknowledge-warnings", "--yes-i-typed", NAME);
        assertThat(rejoin.exit()).as(rejoin.out()).isZero();
        assertThat(rejoin.out()).contains("Outcome: SUCCEEDED");
        assertThat(Waits.within(Duration.ofSeconds(20),
                () -> cluster.streamingStandbys(primary).size() == 2)).as("both standbys stream from %s", primary).isTrue();
        assertThat(writable()).containsExactly(primary.name());
        assertThat(fences.fenced(NAME)).isEmpty();
    }
}
