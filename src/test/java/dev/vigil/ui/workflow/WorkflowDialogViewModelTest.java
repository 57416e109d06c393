package dev.vigil.ui.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.host.Waits;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.FakeWorkflow;
import dev.vigil.ops.workflow.JournalledEngine;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.Phase;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.StepStatus;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dialog's state through the real engine and fake steps, on the calling thread. */
class WorkflowDialogViewModelTest {
    @RegisterExtension
    final JournalledEngine workflows = new JournalledEngine();

    private WorkflowDialogViewModel vm(FakeWorkflow w) {
        return new WorkflowDialogViewModel(workflows.engine(), w, TaskExecutor.sameThread(), UiThread.immediate());
    }

    @Test
    void confirmIsEnabledOnlyOnceWarningsAreAcknowledgedAndTheClusterNameIsTyped() {
        FakeWorkflow w = new FakeWorkflow("shop-prod", "Fake failover").typedConfirmation().doneSteps(2)
                .precheck(() -> CheckResult.warn("lag", "2 MB behind", "wait"));
        WorkflowDialogViewModel vm = vm(w);

        vm.start();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.CONFIRMING);
        assertThat(vm.steps()).extracting(WorkflowDialogViewModel.StepRow::status)
                .containsExactly(StepStatus.PLANNED, StepStatus.PLANNED);
        assertThat(vm.prechecks()).extracting(CheckResult::name).containsExactly("no other action running on shop-prod", "lag");
        assertThat(vm.topologyProperty().get()).startsWith("cluster shop-prod: n1");
        assertThat(vm.canConfirmProperty().get()).isFalse();
        vm.warningsAcknowledgedProperty().set(true);
        assertThat(vm.canConfirmProperty().get()).isFalse();
        vm.typedNameProperty().set("shop-pro");
        assertThat(vm.canConfirmProperty().get()).isFalse();
        vm.typedNameProperty().set("shop-prod");
        assertThat(vm.canConfirmProperty().get()).isTrue();

        vm.confirm();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FINISHED);
        assertThat(vm.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(vm.steps()).extracting(WorkflowDialogViewModel.StepRow::status)
                .containsExactly(StepStatus.DONE, StepStatus.DONE);
        assertThat(vm.verification()).hasSize(2);
        assertThat(vm.canConfirmProperty().get()).isFalse();
    }

    @Test
    void aFailedStepLeavesTheRestNotRunWithNextActions() {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .step("breaks", ctx -> StepResult.failed("refused")).doneSteps(1);
        WorkflowDialogViewModel vm = vm(w);
        vm.start();

        vm.confirm();

        assertThat(vm.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(vm.steps()).extracting(WorkflowDialogViewModel.StepRow::status)
                .containsExactly(StepStatus.DONE, StepStatus.FAILED, StepStatus.NOT_RUN);
        assertThat(vm.steps().get(1).result()).startsWith("refused · ");
        assertThat(vm.nextActions()).isNotEmpty();
        assertThat(w.ran).doesNotContain("step 3");
    }

    @Test
    void stoppingDuringAnUninterruptibleStretchSaysWhereItWillStopAndWhy() throws Exception {
        java.util.concurrent.CountDownLatch inStop = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FakeWorkflow w = new FakeWorkflow("c1", "Fake switchover").doneSteps(1)
                .step("stop the primary", ctx -> {
                    inStop.countDown();
                    release.await();
                    return StepResult.done("stopped");
                })
                .doneSteps(2).uninterruptible(2, 3);
        WorkflowDialogViewModel vm = new WorkflowDialogViewModel(workflows.engine(), w,
                TaskExecutor.background(UiThread.immediate()), UiThread.immediate());
        vm.start();
        Waits.until(Duration.ofSeconds(10), "the proposal", () -> vm.phaseProperty().get() == Phase.CONFIRMING);
        vm.confirm();
        assertThat(inStop.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        vm.stopAfterCurrentStep();
        assertThat(vm.progressProperty().get()).isEqualTo("Stopping after step 3: steps 2 to 3 run to the end once "
                + "begun, because fake reason…");
        release.countDown();
        Waits.until(Duration.ofSeconds(10), "the report", () -> vm.phaseProperty().get() == Phase.FINISHED);

        assertThat(vm.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(vm.steps()).extracting(WorkflowDialogViewModel.StepRow::status)
                .containsExactly(StepStatus.DONE, StepStatus.DONE, StepStatus.DONE, StepStatus.NOT_RUN);
    }

    @Test
    void aBlockedProposalCannotBeConfirmed() {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1)
                .precheck(() -> CheckResult.fail("gone", "no such pid", "refresh"));
        WorkflowDialogViewModel vm = vm(w);
        vm.start();

        assertThat(vm.blockedProperty().get()).isTrue();
        assertThat(vm.canConfirmProperty().get()).isFalse();
        vm.confirm();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.CONFIRMING);
        assertThat(w.ran).doesNotContain("step 1");
    }

    @Test
    void decliningIsJournaledAndRunsNothing() throws Exception {
        FakeWorkflow w = new FakeWorkflow("c1", "Fake").doneSteps(1);
        WorkflowDialogViewModel vm = vm(w);
        vm.start();

        vm.decline();
        vm.confirm();

        Waits.until(Duration.ofSeconds(10), "the declined outcome in the journal", () -> {
            try {
                return Files.readString(workflows.journal().file()).contains("\"outcome\":\"DECLINED\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(w.ran).doesNotContain("step 1");
    }
}
