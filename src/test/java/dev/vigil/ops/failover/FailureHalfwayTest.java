package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Confirmation;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowEvent;
import dev.vigil.ops.workflow.WorkflowListener;
import dev.vigil.ops.workflow.WorkflowReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A failure injected at each step of a switchover (and at the promotion of a failover) on a real lab: the
 * workflow stops, the report says what was done and what remains, its verification states how many writable
 * primaries there are and which, and that is never two. Each test brings the cluster back for the next one,
 * through the rejoin workflow where that is the way back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureHalfwayTest extends OnFailoverLab {
    FailureHalfwayTest() {
        super("fail");
    }

    private WorkflowReport run(Workflow workflow, String stepStartingWith, Consumer<String> inject) throws Exception {
        Proposal p = lab.prepare(workflow);
        assertThat(p.blocked()).as(p.prechecks().toString()).isFalse();
        WorkflowListener listener = event -> {
            if (event instanceof WorkflowEvent.StepStarted s && s.title().startsWith(stepStartingWith)) {
                inject.accept(s.title());
            }
        };
        WorkflowReport r = lab.execute(p, Confirmation.confirm().acknowledgingWarnings().typing(p.confirmationWord()),
                listener);
        System.out.printf("[halfway] %s, failure at '%s': %s | %s | next: %s%n", workflow.title(), stepStartingWith,
                r.outcome(), r.summary(), r.nextActions());
        assertThat(lab.journalKinds(p.runId())).contains("action.step.start", "action.outcome");
        return r;
    }

    /** The report's own statement of the primaries, checked against the servers asked directly. */
    private void assertStatedPrimaries(WorkflowReport r, List<String> expected) {
        lab.assertAtMostOnePrimary();
        assertThat(lab.writablePrimaries()).containsExactlyElementsOf(expected);
        CheckResult stated = r.verification().stream().filter(c -> c.name().startsWith("writable primaries"))
                .findFirst().orElseThrow();
        if (expected.isEmpty()) {
            assertThat(stated.evidence()).contains("no writable primary");
        } else {
            assertThat(stated.evidence()).contains("exactly one: " + expected.get(0));
        }
        assertThat(r.remaining()).isNotEmpty();
        assertThat(r.nextActions()).isNotEmpty();
    }

    private SwitchoverWorkflow switchover(String to, NodeControl control, FailoverSettings settings) {
        return new SwitchoverWorkflow(lab.definition, to, control, settings, lab.fences);
    }

    private String standby() {
        return lab.cluster.standbys().get(0).name();
    }

    private void rejoin(String node) throws Exception {
        Proposal p = lab.prepare(new RejoinWorkflow(lab.definition, node, lab.control, FailoverSettings.defaults(), lab.fences));
        WorkflowReport r = lab.confirmAll(p);
        assertThat(r.outcome()).as(r.summary() + " " + r.verification()).isEqualTo(Outcome.SUCCEEDED);
    }

    private void awaitAllStreaming() {
        LabNode primary = lab.cluster.primary();
        lab.cluster.awaitStreaming(primary, lab.cluster.nodes().stream().filter(n -> n != primary).toList(), WAIT);
    }

    @Test
    @Order(1)
    void aStopThatFailsLeavesThePrimaryInPlace() throws Exception {
        String primary = lab.cluster.primary().name();
        WorkflowReport r = run(switchover(standby(), new FaultyControl(lab.control).failing(FaultyControl.Op.STOP),
                FailoverSettings.defaults()), "Stop ", step -> { });
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.summary()).contains("Step 2 of").contains("injected failure");
        assertStatedPrimaries(r, List.of(primary));
        assertThat(String.join(" ", r.nextActions())).contains(primary).contains("still the primary");
        assertThat(lab.fences.fenced(lab.definition.name())).isEmpty();
    }

    @Test
    @Order(2)
    void aCandidateThatDoesNotCatchUpLeavesNoPrimaryAndSaysHowBack() throws Exception {
        LabNode primary = lab.cluster.primary();
        LabNode candidate = lab.cluster.node(standby());
        WorkflowReport r = run(switchover(candidate.name(), lab.control,
                FailoverSettings.defaults().withCatchUp(Duration.ofSeconds(2))), "Stop ", step -> candidate.pauseReplay());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.summary()).contains("had not replayed past");
        assertStatedPrimaries(r, List.of());
        assertThat(String.join(" ", r.nextActions())).contains("No node accepts writes").contains("start " + primary.name() + " again");
        assertThat(lab.fences.fenced(lab.definition.name())).as("not marked before the promotion").isEmpty();
        // The way back the report gives: start the old primary again.
        candidate.resumeReplay();
        primary.start();
        awaitAllStreaming();
        assertThat(lab.writablePrimaries()).containsExactly(primary.name());
    }

    @Test
    @Order(3)
    void aPromotionThatFailsLeavesNoPrimaryAndNeverTwo() throws Exception {
        LabNode primary = lab.cluster.primary();
        LabNode candidate = lab.cluster.node(standby());
        WorkflowReport r = run(switchover(candidate.name(), lab.control, FailoverSettings.defaults()), "Promote ",
                step -> candidate.kill9());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertStatedPrimaries(r, List.of());
        assertThat(String.join(" ", r.nextActions())).contains(candidate.name() + " was not promoted")
                .contains("Start " + primary.name() + " again");
        assertThat(lab.fences.fenced(lab.definition.name())).as("pg_promote never went out").isEmpty();
        candidate.start();
        primary.start();
        awaitAllStreaming();
        assertThat(lab.writablePrimaries()).containsExactly(primary.name());
    }

    @Test
    @Order(4)
    void aRepointThatFailsLeavesTheNewPrimaryAndTheRejoinRepairsTheRest() throws Exception {
        LabNode primary = lab.cluster.primary();
        LabNode candidate = lab.cluster.node(standby());
        LabNode sibling = lab.cluster.nodes().stream().filter(n -> n != primary && n != candidate).findFirst().orElseThrow();
        WorkflowReport r = run(switchover(candidate.name(), lab.control, FailoverSettings.defaults()), "Re-point ",
                step -> sibling.kill9());
        assertThat(r.outcome()).isIn(Outcome.FAILED, Outcome.RESULT_UNKNOWN);
        assertStatedPrimaries(r, List.of(candidate.name()));
        assertThat(String.join(" ", r.nextActions())).contains(candidate.name() + " is the primary").contains("rejoin");
        rejoin(sibling.name());
        rejoin(primary.name());
        awaitAllStreaming();
        assertThat(lab.writablePrimaries()).containsExactly(candidate.name());
        assertThat(lab.fences.fenced(lab.definition.name())).isEmpty();
    }

    @Test
    @Order(5)
    void aRejoinThatFailsLeavesTheOldPrimaryStoppedAndMarked() throws Exception {
        LabNode primary = lab.cluster.primary();
        String to = standby();
        WorkflowReport r = run(switchover(to, new FaultyControl(lab.control).failing(FaultyControl.Op.MAKE_STANDBY),
                FailoverSettings.defaults()), "Rejoin ", step -> { });
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertStatedPrimaries(r, List.of(to));
        assertThat(primary.isRunning()).isFalse();
        assertThat(lab.fences.fenced(lab.definition.name())).containsKey(primary.name());
        rejoin(primary.name());
        awaitAllStreaming();
    }

    @Test
    @Order(6)
    void aFailoverWhosePromotionFailsLeavesNoPrimaryAndCanBePlannedAgain() throws Exception {
        LabNode old = lab.cluster.primary();
        old.kill9();
        FailoverWorkflow first = new FailoverWorkflow(lab.definition, Optional.empty(), lab.control,
                FailoverSettings.defaults(), lab.fences, LastSeenSource.none());
        WorkflowReport r = run(first, "Promote ", step -> lab.cluster.node(first.candidate().orElseThrow()).kill9());
        assertThat(r.outcome()).isIn(Outcome.FAILED, Outcome.RESULT_UNKNOWN);
        assertStatedPrimaries(r, List.of());
        LabNode candidate = lab.cluster.node(first.candidate().orElseThrow());
        candidate.start();
        FailoverWorkflow again = new FailoverWorkflow(lab.definition, Optional.of(candidate.name()), lab.control,
                FailoverSettings.defaults(), lab.fences, LastSeenSource.none());
        WorkflowReport second = lab.confirmAll(lab.prepare(again));
        assertThat(second.outcome()).as(second.summary() + " " + second.verification()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(lab.writablePrimaries()).containsExactly(candidate.name());
        rejoin(old.name());
        awaitAllStreaming();
    }

    /**
     * The operator cancels as the old primary stops: stopping there would leave no primary, so the plan runs on
     * through the promotion and its check, then stops; the rest is left for the rejoin workflows.
     */
    @Test
    @Order(7)
    void aCancelAsThePrimaryStopsTakesEffectOnlyOnceTheCandidateIsPromoted() throws Exception {
        LabNode primary = lab.cluster.primary();
        String to = standby();
        Proposal p = lab.prepare(switchover(to, lab.control, FailoverSettings.defaults()));
        assertThat(p.blocked()).as(p.prechecks().toString()).isFalse();
        assertThat(p.plan().uninterruptible()).hasValueSatisfying(u -> {
            assertThat(p.plan().step(u.from()).title()).startsWith("Stop " + primary.name());
            assertThat(p.plan().step(u.to()).title()).startsWith("Check that " + to);
        });
        assertThat(p.consequence()).contains("run to the end even if you cancel");
        java.util.concurrent.CompletableFuture<dev.vigil.ops.workflow.WorkflowRun> started =
                new java.util.concurrent.CompletableFuture<>();
        WorkflowListener cancelAtTheStop = event -> {
            if (event instanceof WorkflowEvent.StepStarted s && s.title().startsWith("Stop ")) {
                started.thenAccept(dev.vigil.ops.workflow.WorkflowRun::cancel);
            }
        };
        dev.vigil.ops.workflow.WorkflowRun run = lab.engine.execute(p, Confirmation.confirm().acknowledgingWarnings()
                .typing(p.confirmationWord()), cancelAtTheStop);
        started.complete(run);
        WorkflowReport r = run.report().get(5, java.util.concurrent.TimeUnit.MINUTES);
        System.out.printf("[halfway] cancel at the stop: %s | %s | next: %s%n", r.outcome(), r.summary(), r.nextActions());

        assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
        int promotedCheck = p.plan().uninterruptible().orElseThrow().to();
        assertThat(r.done()).hasSize(promotedCheck);
        assertThat(r.summary()).contains("The cancel came during steps").contains("ran to the end first");
        assertStatedPrimaries(r, List.of(to));
        assertThat(primary.isRunning()).isFalse();
        for (LabNode n : lab.cluster.nodes()) {
            if (!n.name().equals(to)) {
                rejoin(n.name());
            }
        }
        awaitAllStreaming();
        assertThat(lab.writablePrimaries()).containsExactly(to);
    }

    /**
     * The old primary's host is dead: the fence command cannot reach it and neither can the status. The failover
     * warns before confirmation that it then goes on only on the operator's word, and with that word it does.
     */
    @Test
    @Order(8)
    void aFenceThatCannotReachADeadHostGoesOnOnlyOnTheOperatorsAcknowledgedWord() throws Exception {
        LabNode old = lab.cluster.primary();
        old.kill9();
        FaultyControl deadHost = new FaultyControl(lab.control).failing(FaultyControl.Op.UNREACHABLE_HOST);
        FailoverWorkflow failover = new FailoverWorkflow(lab.definition, Optional.empty(), deadHost,
                FailoverSettings.defaults(), lab.fences, LastSeenSource.none());
        Proposal p = lab.prepare(failover);
        CheckResult fencing = p.prechecks().stream().filter(c -> c.name().equals(old.name() + " is fenced"))
                .findFirst().orElseThrow();
        assertThat(fencing.status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(fencing.evidence()).contains("NOT CONFIRMED DOWN").contains("No route to host")
                .contains("only on your word");
        WorkflowReport r = lab.confirmAll(p);
        assertThat(r.outcome()).as(r.summary() + " " + r.verification()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(r.steps().get(0).detail()).contains("No route to host").contains("on the operator's word");
        String promoted = failover.candidate().orElseThrow();
        assertThat(lab.writablePrimaries()).containsExactly(promoted);
        assertThat(lab.fences.fenced(lab.definition.name())).containsKey(old.name());
        rejoin(old.name());
        awaitAllStreaming();
    }

    /**
     * The old primary wrote WAL no standby received, died, and after the failover someone starts it again: the
     * fence left standby.signal, so it comes up read-only, on the old timeline, with WAL the new primary never had.
     * The rejoin stops it and rewinds or re-clones it rather than only re-pointing it.
     */
    @Test
    @Order(9)
    void aFencedOldPrimaryStartedAgainIsStoppedAndRebuiltNotJustRepointed() throws Exception {
        LabNode old = lab.cluster.primary();
        for (LabNode s : lab.cluster.standbys()) {
            // Keeps the login and passfile, so that the failover's re-point (host and port replaced) can connect.
            String own = sql(s, "SHOW primary_conninfo");
            execute(s, SetConninfo.sql(Conninfo.parse(own).pointedAt("127.0.0.1", 1, s.name()).render()));
            execute(s, "SELECT pg_reload_conf()");
        }
        Waits.until(WAIT, "no standby receiving from " + old.name(), () -> lab.cluster.streamingStandbys(old).isEmpty());
        execute(old, "CREATE TABLE IF NOT EXISTS only_the_old_primary_has_this AS SELECT g FROM generate_series(1, 1000) g");
        old.kill9();
        WorkflowReport failover = lab.confirmAll(lab.prepare(new FailoverWorkflow(lab.definition, Optional.empty(),
                lab.control, FailoverSettings.defaults(), lab.fences, LastSeenSource.none())));
        assertThat(failover.outcome()).as(failover.summary()).isEqualTo(Outcome.SUCCEEDED);
        old.start();
        assertThat(old.isInRecovery()).as("the fence left it able to start only read-only").isTrue();

        RejoinWorkflow rejoin = new RejoinWorkflow(lab.definition, old.name(), lab.control, FailoverSettings.defaults(),
                lab.fences);
        Proposal p = lab.prepare(rejoin);
        assertThat(p.blocked()).as(p.prechecks().toString()).isFalse();
        assertThat(rejoin.method()).isNotEqualTo(RejoinWorkflow.Method.REPOINT);
        assertThat(p.plan().step(1).title()).isEqualTo("Stop " + old.name());
        assertThat(p.consequence()).startsWith(old.name() + " is stopped");
        WorkflowReport r = lab.confirmAll(p);
        assertThat(r.outcome()).as(r.summary() + " " + r.verification()).isEqualTo(Outcome.SUCCEEDED);
        awaitAllStreaming();
        assertThat(lab.fences.fenced(lab.definition.name())).isEmpty();
    }

    private static String sql(LabNode node, String query) throws java.sql.SQLException {
        try (var c = node.connect("postgres"); var st = c.createStatement(); var rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(LabNode node, String statement) throws java.sql.SQLException {
        try (var c = node.connect("postgres"); var st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
