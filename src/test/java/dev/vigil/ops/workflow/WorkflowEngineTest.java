package dev.vigil.ops.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.lab.host.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine's rules with fake steps: order, journal, dry run, confirmation, one per cluster, timeouts, cancel. */
class WorkflowEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_S = 10;

    @RegisterExtension
    final JournalledEngine workflows = new JournalledEngine();
    private final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();

    private Proposal prepare(Workflow w) throws Exception {
        return workflows.engine().prepare(w, events::add).get(WAIT_S, TimeUnit.SECONDS);
    }

    private WorkflowReport run(Proposal p, Confirmation c) throws Exception {
        return workflows.engine().execute(p, c, events::add).report().get(WAIT_S, TimeUnit.SECONDS);
    }

    private List<JsonNode> journalLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(workflows.journal().file())) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private List<String> kinds() throws IOException {
        return journalLines().stream().map(n -> n.get("kind").asText()).toList();
    }

    private List<WorkflowEvent.Phase> phases() {
        return events.stream().filter(e -> e instanceof WorkflowEvent.PhaseStarted)
                .map(e -> ((WorkflowEvent.PhaseStarted) e).phase()).toList();
    }

    @Test
    void runsTopologyPlanPrechecksConfirmationStepsVerificationInOrderAndJournalsEachMoment() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake two steps").doneSteps(2)
                .precheck(() -> CheckResult.pass("check 1", "fine"));

        Proposal p = prepare(w);
        assertThat(w.ran).containsExactly("topology", "plan", "precheck 1");
        assertThat(p.prechecks()).extracting(CheckResult::name).containsExactly("no other action running on c1", "check 1");
        assertThat(p.blocked()).isFalse();
        assertThat(p.topology().describe()).isEqualTo("cluster c1: n1 (127.0.0.1:5432) primary, timeline 1, PostgreSQL 17.6");
        assertThat(phases()).containsExactly(WorkflowEvent.Phase.TOPOLOGY, WorkflowEvent.Phase.PLAN,
                WorkflowEvent.Phase.PRECHECKS);

        WorkflowReport report = run(p, Confirmation.confirm());
        assertThat(report.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(report.summary()).isEqualTo("All 2 steps are done and verified.");
        assertThat(w.ran).containsExactly("topology", "plan", "precheck 1", "precheck 1", "step 1", "step 2",
                "verify 1", "verify 2");
        assertThat(report.steps()).extracting(StepRecord::outcome).containsExactly(StepOutcome.DONE, StepOutcome.DONE);
        assertThat(report.remaining()).isEmpty();
        assertThat(report.nextActions()).isEmpty();
        assertThat(phases()).containsExactly(WorkflowEvent.Phase.TOPOLOGY, WorkflowEvent.Phase.PLAN,
                WorkflowEvent.Phase.PRECHECKS, WorkflowEvent.Phase.CONFIRMATION, WorkflowEvent.Phase.EXECUTE,
                WorkflowEvent.Phase.VERIFY, WorkflowEvent.Phase.FINISHED);
        assertThat(events).filteredOn(e -> e instanceof WorkflowEvent.StepFinished).hasSize(2);
        assertThat(events.get(events.size() - 1)).isInstanceOf(WorkflowEvent.Finished.class);
        assertThat(kinds()).containsExactly("action.plan", "action.prechecks", "action.confirmation", "action.recheck",
                "action.step.start", "action.step", "action.step.start", "action.step", "action.verify",
                "action.outcome");
        assertThat(journalLines()).allSatisfy(line -> {
            assertThat(line.get("evidence").get("run").asText()).isEqualTo(p.runId());
            assertThat(line.get("cluster").asText()).isEqualTo("c1");
        });
        JsonNode plan = journalLines().get(0);
        assertThat(plan.get("evidence").get("step.01.command").asText()).isEqualTo("fake step 1");
        assertThat(journalLines().get(9).get("summary").asText()).isEqualTo("Fake two steps: succeeded. All 2 steps "
                + "are done and verified.");
    }

    @Test
    void eachStepsJournalEntryIsOnDiskBeforeTheNextStepStarts() throws Exception {
        List<List<String>> seenByStep = new CopyOnWriteArrayList<>();
        Step.Action readsJournal = ctx -> {
            seenByStep.add(kinds());
            List<JsonNode> lines = journalLines();
            seenByStep.add(List.of(lines.get(lines.size() - 1).get("summary").asText()));
            return StepResult.done("read " + lines.size() + " lines");
        };
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").step("first", readsJournal).step("second", readsJournal)
                .step("third", readsJournal);

        assertThat(run(prepare(w), Confirmation.confirm()).outcome()).isEqualTo(Outcome.SUCCEEDED);

        List<String> before = List.of("action.plan", "action.prechecks", "action.confirmation", "action.recheck");
        assertThat(seenByStep.get(0)).isEqualTo(concat(before, "action.step.start"));
        assertThat(seenByStep.get(1)).containsExactly("Step 1/3 starting: first");
        assertThat(seenByStep.get(2)).isEqualTo(concat(before, "action.step.start", "action.step", "action.step.start"));
        assertThat(seenByStep.get(3)).containsExactly("Step 2/3 starting: second");
        assertThat(seenByStep.get(4)).isEqualTo(concat(before, "action.step.start", "action.step", "action.step.start",
                "action.step", "action.step.start"));
        List<JsonNode> results = journalLines().stream().filter(n -> n.get("kind").asText().equals("action.step")).toList();
        assertThat(results).extracting(n -> n.get("evidence").get("step").asText()).containsExactly("1", "2", "3");
        assertThat(results.get(1).get("evidence").get("detail").asText()).isEqualTo("read 7 lines");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void aDryRunStopsAfterThePrechecksAndRunsNoStep() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(2).precheck(() -> CheckResult.pass("check 1", "ok"));

        WorkflowReport report = workflows.engine().dryRun(w, events::add).get(WAIT_S, TimeUnit.SECONDS);

        assertThat(report.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(w.ran).containsExactly("topology", "plan", "precheck 1");
        assertThat(report.steps()).isEmpty();
        assertThat(report.remaining()).hasSize(2);
        assertThat(report.proposal().prechecks()).hasSize(2);
        assertThat(kinds()).containsExactly("action.plan", "action.prechecks", "action.outcome");
        assertThat(journalLines().get(2).get("evidence").get("outcome").asText()).isEqualTo("DRY_RUN");
        assertThat(phases()).doesNotContain(WorkflowEvent.Phase.EXECUTE, WorkflowEvent.Phase.CONFIRMATION);
    }

    @Test
    void aFailedPrecheckBlocksEvenWhenConfirmed() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .precheck(() -> CheckResult.fail("check 1", "the evidence", "the fix"));
        Proposal p = prepare(w);
        assertThat(p.blocked()).isTrue();

        WorkflowReport report = run(p, Confirmation.confirm());

        assertThat(report.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(report.nextActions()).containsExactly("check 1: the fix");
        assertThat(w.ran).doesNotContain("step 1");
        assertThat(kinds()).containsExactly("action.plan", "action.prechecks", "action.confirmation", "action.outcome");
    }

    @Test
    void warningsNeedAnAcknowledgementAndAProposalIsAnsweredOnce() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .precheck(() -> CheckResult.warn("check 1", "idle", "think"));
        Proposal p = prepare(w);
        assertThat(p.hasWarnings()).isTrue();

        WorkflowReport unacknowledged = run(p, Confirmation.confirm());
        assertThat(unacknowledged.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(unacknowledged.summary()).contains("warnings that were not acknowledged");
        assertThat(w.ran).doesNotContain("step 1");
        WorkflowReport again = run(p, Confirmation.confirm().acknowledgingWarnings());
        assertThat(again.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(again.summary()).contains("already answered");
        assertThat(w.ran).doesNotContain("step 1");

        WorkflowReport acknowledged = run(prepare(w), Confirmation.confirm().acknowledgingWarnings());
        assertThat(acknowledged.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(w.ran).contains("step 1");
    }

    @Test
    void aTypedConfirmationMustMatchTheClusterName() throws Exception {
        FakeWorkflow w = new FakeWorkflow("shop-prod", "Fake failover").doneSteps(1).typedConfirmation();
        Proposal p = prepare(w);
        assertThat(p.typedConfirmationRequired()).isTrue();
        assertThat(p.confirmationWord()).isEqualTo("shop-prod");

        assertThat(run(p, Confirmation.confirm().typing("shop-pro")).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(w.ran).doesNotContain("step 1");
        assertThat(run(prepare(w), Confirmation.confirm().typing("shop-prod")).outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void declining_runsNothingAndIsJournaled() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1);

        WorkflowReport report = run(prepare(w), Confirmation.decline());

        assertThat(report.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(w.ran).doesNotContain("step 1");
        assertThat(kinds()).containsExactly("action.plan", "action.prechecks", "action.confirmation", "action.outcome");
        assertThat(journalLines().get(2).get("evidence").get("confirmed").asText()).isEqualTo("false");
    }

    @Test
    void aSecondMutatingWorkflowOnTheSameClusterIsRefusedNamingTheRunningOne() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeWorkflow slow = new FakeWorkflow("c1", "Slow fake on c1").step("wait", ctx -> {
            entered.countDown();
            release.await();
            return StepResult.done("released");
        });
        FakeWorkflow second = new FakeWorkflow("c1", "Second fake").doneSteps(1);
        FakeWorkflow elsewhere = new FakeWorkflow("c2", "Fake on c2").doneSteps(1);
        Proposal secondProposal = prepare(second);

        WorkflowRun first = workflows.engine().execute(prepare(slow), Confirmation.confirm(), events::add);
        assertThat(entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

        assertThat(workflows.engine().running("c1")).hasValueSatisfying(r -> assertThat(r.title()).isEqualTo("Slow fake on c1"));
        WorkflowReport refused = run(secondProposal, Confirmation.confirm());
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.summary()).contains("cluster c1 is busy with 'Slow fake on c1'").contains(first.runId());
        assertThat(second.ran).doesNotContain("step 1");
        Proposal planWhileBusy = prepare(second);
        assertThat(planWhileBusy.failures()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("no other action running on c1");
            assertThat(c.evidence()).contains("'Slow fake on c1'");
        });
        assertThat(run(prepare(elsewhere), Confirmation.confirm()).outcome()).isEqualTo(Outcome.SUCCEEDED);

        release.countDown();
        assertThat(first.report().get(WAIT_S, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(workflows.engine().running("c1")).isEmpty();
        assertThat(run(prepare(second), Confirmation.confirm()).outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aStepThatTimesOutIsResultUnknownAndTheReportListsWhatRemainsAndWhatToDo() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean aborted = new AtomicBoolean();
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .step("hangs", Duration.ofMillis(200), ctx -> {
                    ctx.abortOnTimeout(() -> aborted.set(true));
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return StepResult.done("never");
                })
                .step("after", ctx -> StepResult.done("should not run"));

        WorkflowReport report = run(prepare(w), Confirmation.confirm());

        assertThat(report.outcome()).isEqualTo(Outcome.RESULT_UNKNOWN);
        assertThat(report.steps()).extracting(StepRecord::outcome).containsExactly(StepOutcome.DONE, StepOutcome.UNKNOWN);
        assertThat(report.steps().get(1).detail()).isEqualTo("no answer within 200 ms; it may or may not have taken effect");
        assertThat(report.remaining()).extracting(Step::title).containsExactly("after");
        assertThat(report.summary()).isEqualTo("Step 2 of 3 has an unknown result: no answer within 200 ms; it may or may not "
                + "have taken effect. Done: step 1. Not started: step 3.");
        assertThat(report.nextActions().get(0)).startsWith("Step 2 may or may not have taken effect");
        assertThat(report.nextActions()).contains("fake next action for RESULT_UNKNOWN");
        assertThat(w.ran).doesNotContain("step 3").contains("verify 1", "verify 2");
        assertThat(aborted).isTrue();
        Waits.until(Duration.ofSeconds(WAIT_S), "the hung step's thread interrupted and the cluster free",
                () -> interrupted.get() && workflows.engine().running("c1").isEmpty());
        List<JsonNode> stepLines = journalLines().stream()
                .filter(n -> n.get("kind").asText().equals("action.step")).toList();
        assertThat(stepLines).extracting(n -> n.get("evidence").get("outcome").asText())
                .containsExactly("done", "result unknown");
    }

    @Test
    void cancellingHalfwayFinishesTheStepInFlightAndStopsInAKnownState() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .step("second", ctx -> {
                    entered.countDown();
                    release.await();
                    return StepResult.done(ctx.cancelRequested() ? "finished though cancel was asked" : "finished");
                })
                .doneSteps(2);

        WorkflowRun run = workflows.engine().execute(prepare(w), Confirmation.confirm(), events::add);
        assertThat(entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        run.cancel();
        release.countDown();
        WorkflowReport report = run.report().get(WAIT_S, TimeUnit.SECONDS);

        assertThat(report.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(report.done()).extracting(StepRecord::number).containsExactly(1, 2);
        assertThat(report.steps().get(1).detail()).isEqualTo("finished though cancel was asked");
        assertThat(report.remaining()).extracting(Step::title).containsExactly("step 3", "step 4");
        assertThat(report.summary()).isEqualTo("Cancelled after step 2 of 4. Done: steps 1 and 2. Not started: steps 3 to 4.");
        assertThat(report.verification()).extracting(CheckResult::name).containsExactly("verify 1", "verify 2");
        assertThat(report.nextActions()).isNotEmpty();
        assertThat(w.ran).doesNotContain("step 3", "step 4");
        assertThat(kinds()).filteredOn(k -> k.equals("action.step")).hasSize(2);
        assertThat(kinds().get(kinds().size() - 1)).isEqualTo("action.outcome");
    }

    /** A step that holds until the test has asked for a cancel, then answers what it was told. */
    private static final class CancelledWhileRunning {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        StepResult run(dev.vigil.ops.workflow.WorkflowContext ctx) throws InterruptedException {
            entered.countDown();
            release.await();
            return StepResult.done(ctx.cancelRequested() ? "told of the cancel" : "not told of the cancel");
        }

        WorkflowReport cancelIn(WorkflowEngine engine, Proposal p, WorkflowListener listener) throws Exception {
            WorkflowRun run = engine.execute(p, Confirmation.confirm(), listener);
            assertThat(entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
            run.cancel();
            release.countDown();
            return run.report().get(WAIT_S, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCancelDuringAnUninterruptibleStretchTakesEffectAfterItsLastStep() throws Exception {
        CancelledWhileRunning stop = new CancelledWhileRunning();
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .step("stop the primary", stop::run)
                .step("promote", ctx -> StepResult.done(ctx.cancelRequested() ? "told" : "not told"))
                .doneSteps(1)
                .uninterruptible(2, 3);

        WorkflowReport report = stop.cancelIn(workflows.engine(), prepare(w), events::add);

        assertThat(report.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(report.done()).extracting(StepRecord::number).containsExactly(1, 2, 3);
        assertThat(report.steps()).extracting(StepRecord::detail).endsWith("not told of the cancel", "not told");
        assertThat(report.remaining()).extracting(Step::title).containsExactly("step 4");
        assertThat(report.summary()).startsWith("Cancelled after step 3 of 4. The cancel came during steps 2 to 3, "
                + "which ran to the end first: fake reason.");
    }

    @Test
    void aCancelBeforeAnUninterruptibleStretchStopsBeforeItBegins() throws Exception {
        CancelledWhileRunning checkpoint = new CancelledWhileRunning();
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").step("checkpoint", checkpoint::run).doneSteps(3)
                .uninterruptible(2, 3);

        WorkflowReport report = checkpoint.cancelIn(workflows.engine(), prepare(w), events::add);

        assertThat(report.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(report.done()).extracting(StepRecord::number).containsExactly(1);
        assertThat(report.summary()).startsWith("Cancelled after step 1 of 4. Done: step 1.");
    }

    @Test
    void aCancelAfterTheStretchDoesNotClaimItWaitedForIt() throws Exception {
        CancelledWhileRunning last = new CancelledWhileRunning();
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(2).step("re-point", last::run).doneSteps(1)
                .uninterruptible(1, 2);

        WorkflowReport report = last.cancelIn(workflows.engine(), prepare(w), events::add);

        assertThat(report.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(report.done()).extracting(StepRecord::number).containsExactly(1, 2, 3);
        assertThat(report.summary()).startsWith("Cancelled after step 3 of 4. Done:");
    }

    @Test
    void theRunsInProgressAreListedByTitleUntilTheyEnd() throws Exception {
        CancelledWhileRunning step = new CancelledWhileRunning();
        FakeWorkflow w = new FakeWorkflow("c1", "Fake switchover").step("stop", step::run);
        WorkflowRun run = workflows.engine().execute(prepare(w), Confirmation.confirm(), events::add);
        assertThat(step.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(workflows.engine().inProgress()).containsExactly("Fake switchover");
        step.release.countDown();
        run.report().get(WAIT_S, TimeUnit.SECONDS);
        Waits.until(Duration.ofSeconds(WAIT_S), "the run to leave the list", () -> workflows.engine().inProgress().isEmpty());
    }

    @Test
    void aFailedStepStopsTheRest() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .step("refused", ctx -> {
                    throw new SQLException("permission denied to cancel", "42501");
                })
                .doneSteps(1);

        WorkflowReport report = run(prepare(w), Confirmation.confirm());

        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(report.steps().get(1).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(report.steps().get(1).detail()).contains("42501").contains("permission denied");
        assertThat(report.remaining()).hasSize(1);
        assertThat(w.ran).doesNotContain("step 3");
    }

    @Test
    void aPrecheckThatGotWorseSinceThePlanBlocksBeforeTheFirstStep() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1).precheck(() -> calls.incrementAndGet() == 1
                ? CheckResult.pass("check 1", "still there") : CheckResult.fail("check 1", "gone now", "refresh"));

        WorkflowReport report = run(prepare(w), Confirmation.confirm());

        assertThat(report.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(report.summary()).contains("'check 1' went from PASS to FAIL (gone now)").endsWith("Nothing was run.");
        assertThat(report.rechecks()).extracting(CheckResult::status).contains(CheckResult.Status.FAIL);
        assertThat(w.ran).doesNotContain("step 1");
        assertThat(events).filteredOn(e -> e instanceof WorkflowEvent.PrecheckFinished pf && pf.recheck()).hasSize(1);
    }

    @Test
    void stepsDoneButNotVerifiedIsSaid() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .verification(() -> CheckResult.fail("verify 1", "still running", "terminate it"));

        WorkflowReport report = run(prepare(w), Confirmation.confirm());

        assertThat(report.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(report.summary()).contains("verify 1: still running");
        assertThat(report.nextActions().get(0)).contains("terminate it");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheWorkflow() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(2);
        WorkflowListener broken = e -> {
            throw new IllegalStateException("listener bug");
        };
        Proposal p = workflows.engine().prepare(w, broken).get(WAIT_S, TimeUnit.SECONDS);
        WorkflowReport report = workflows.engine().execute(p, Confirmation.confirm(), broken).report().get(WAIT_S, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aFailingTopologyReadIsAFailedPrecheck() throws Exception {
        FakeWorkflow broken = new FakeWorkflow("c1", "Fake") {
            @Override
            public Topology topology(WorkflowContext context) {
                throw new IllegalStateException("connection refused");
            }
        }.doneSteps(1);

        Proposal p = prepare(broken);

        assertThat(p.failures()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("topology of c1");
            assertThat(c.evidence()).contains("connection refused");
        });
    }
}
