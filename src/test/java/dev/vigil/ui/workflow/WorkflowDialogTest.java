package dev.vigil.ui.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.ops.session.SessionSignalWorkflow;
import dev.vigil.ops.session.SessionTarget;
import dev.vigil.ops.session.SessionTargets;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Command;
import dev.vigil.ops.workflow.EngineLab;
import dev.vigil.ops.workflow.FakeWorkflow;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.Phase;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workflow dialog, headless, on a real lab (cancel, decline) and on fake steps (typed confirmation, progress). */
@ExtendWith(ApplicationExtension.class)
class WorkflowDialogTest {
    private static EngineLab lab;
    private static LabNode node;
    private static ClusterDefinition cluster;
    private final List<Connection> sessions = new ArrayList<>();
    private Stage owner;
    private TaskExecutor tasks;

    @BeforeAll
    static void startLab(@TempDir Path dir) {
        lab = EngineLab.open(Optional.empty(), "dialog", dir);
        node = lab.primary();
        cluster = lab.definition();
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        owner = stage;
        tasks = TaskExecutor.background(UiThread.fx());
        stage.setScene(new Scene(new Label("the main window"), 1000, 760));
        stage.show();
    }

    @AfterEach
    void endSessions() throws Exception {
        try (Connection admin = node.connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity "
                    + "WHERE application_name LIKE 'dialog-%'");
        }
        for (Connection c : sessions) {
            try {
                c.close();
            } catch (SQLException alreadyGone) {
                // terminated above
            }
        }
        tasks.close();
    }

    @Test
    void cancelsARealPgSleepThroughTheDialog(FxRobot robot) throws Exception {
        Connection session = session("dialog-report");
        int pid = pid(session);
        CompletableFuture<Void> sleeping = sleep(session);
        SessionTarget target = awaitSleeping(pid);

        WorkflowDialog dialog = open(robot, SessionSignalWorkflow.cancel(cluster, "pg1", List.of(target)));
        WorkflowDialogViewModel vm = dialog.viewModel();
        awaitPhase(vm, Phase.CONFIRMING);
        Scene scene = dialog.stage().getScene();
        assertThat(robot.lookup("#wf-topology").queryLabeled().getText()).contains("pg1").contains("primary");
        assertThat(vm.prechecks()).isNotEmpty().allSatisfy(c -> assertThat(c.passed()).isTrue());
        assertThat(robot.lookup("#wf-confirm").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#wf-acknowledge").query().isVisible()).isFalse();
        assertThat(robot.lookup("#wf-typed-row").query().isVisible()).isFalse();
        Path plan = Snapshots.save(scene, "workflow-dialog-1-plan-and-prechecks");

        robot.clickOn("#wf-confirm");
        awaitPhase(vm, Phase.FINISHED);

        assertThat(vm.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(vm.steps()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(StepStatus.DONE));
        assertThat(robot.lookup("#wf-outcome").queryLabeled().getText()).isEqualTo("Succeeded");
        assertThat(robot.lookup("#wf-cancel").queryButton().getText()).isEqualTo("Close");
        assertThat(sleeping).failsWithin(Duration.ofSeconds(20)).withThrowableOfType(ExecutionException.class)
                .satisfies(e -> assertThat(((SQLException) e.getCause().getCause()).getSQLState()).isEqualTo("57014"));
        assertThat(session.isValid(2)).as("a cancel leaves the session connected").isTrue();
        Path result = Snapshots.save(scene, "workflow-dialog-4-result");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Path light = Snapshots.save(scene, "workflow-dialog-4-result-light");
        for (Path png : List.of(plan, result, light)) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
        robot.clickOn("#wf-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.stage().isShowing());
    }

    @Test
    void cancellingTheDialogLeavesTheSessionAliveAndIsJournaled(FxRobot robot) throws Exception {
        Connection session = session("dialog-keep");
        int pid = pid(session);
        CompletableFuture<Void> sleeping = sleep(session);
        SessionTarget target = awaitSleeping(pid);

        WorkflowDialog dialog = open(robot, SessionSignalWorkflow.terminate(cluster, "pg1", List.of(target)));
        awaitPhase(dialog.viewModel(), Phase.CONFIRMING);
        robot.clickOn("#wf-cancel");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.stage().isShowing());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readAllLines(lab.journal().file()).stream()
                .anyMatch(l -> l.contains("\"kind\":\"action.outcome\"") && l.contains("\"outcome\":\"DECLINED\"")
                        && l.contains("Terminate pid " + pid)));
        assertThat(awaitSleeping(pid).queryStart()).isEqualTo(target.queryStart());
        assertThat(sleeping).isNotDone();
    }

    @Test
    void typedConfirmationWarningsLiveProgressAndAFailureReport(FxRobot robot) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeWorkflow failover = new FakeWorkflow("shop-prod", "Fail over shop-prod to pg2")
                .typedConfirmation()
                .consequence("pg1 is fenced and pg2 promoted: writes stop for about a second, and transactions not yet "
                        + "on pg2 (up to 2.1 MB of WAL) are lost.")
                .precheck(() -> CheckResult.pass("pg2 is streaming from pg1", "streaming, replay lag 0 B"))
                .precheck(() -> CheckResult.warn("pg2 replay lag", "pg2 is 2.1 MB (0.8 s) behind pg1",
                        "Wait for pg2 to catch up, or accept losing up to 2.1 MB of WAL."))
                .step("Fence pg1", "stop the old primary", Command.described("pg_ctl stop -m fast -D /var/lib/pg1"),
                        Duration.ofSeconds(30), ctx -> StepResult.done("pg1 stopped"))
                .step("Promote pg2", "end recovery on pg2", Command.sql("SELECT pg_catalog.pg_promote(true, ?)", 60),
                        Duration.ofSeconds(60), ctx -> {
                            running.countDown();
                            release.await();
                            return StepResult.done("pg2 is primary on timeline 2");
                        })
                .step("Re-point pg3 to pg2", "rewrite primary_conninfo and reload",
                        Command.sql("ALTER SYSTEM SET primary_conninfo = ?", "host=pg2 port=5432"),
                        Duration.ofSeconds(10), ctx -> StepResult.failed("pg3 refused the connection"));
        WorkflowDialog dialog = open(robot, failover);
        WorkflowDialogViewModel vm = dialog.viewModel();
        awaitPhase(vm, Phase.CONFIRMING);
        Scene scene = dialog.stage().getScene();
        Button confirm = robot.lookup("#wf-confirm").queryButton();

        assertThat(confirm.isDisabled()).isTrue();
        robot.clickOn("#wf-acknowledge");
        assertThat(confirm.isDisabled()).as("the cluster name is not typed yet").isTrue();
        robot.clickOn("#wf-typed-name").write("shop-pro");
        assertThat(confirm.isDisabled()).isTrue();
        Path confirming = Snapshots.save(scene, "workflow-dialog-2-confirmation");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Path confirmingLight = Snapshots.save(scene, "workflow-dialog-2-confirmation-light");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        robot.write("d");
        assertThat(confirm.isDisabled()).isFalse();

        robot.clickOn("#wf-confirm");
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.steps().get(1).status() == StepStatus.RUNNING);
        assertThat(vm.steps().get(0).status()).isEqualTo(StepStatus.DONE);
        assertThat(robot.lookup("#wf-cancel").queryButton().getText()).isEqualTo("Stop after this step");
        Path progress = Snapshots.save(scene, "workflow-dialog-3-progress");
        release.countDown();
        awaitPhase(vm, Phase.FINISHED);

        assertThat(vm.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(vm.steps()).extracting(WorkflowDialogViewModel.StepRow::status)
                .containsExactly(StepStatus.DONE, StepStatus.DONE, StepStatus.FAILED);
        assertThat(robot.lookup("#wf-outcome").queryLabeled().getText()).isEqualTo("A step failed");
        Path failed = Snapshots.save(scene, "workflow-dialog-5-failed");
        for (Path png : List.of(confirming, confirmingLight, progress, failed)) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    @Test
    void aBlockedPlanOffersNoConfirm(FxRobot robot) throws Exception {
        Connection session = session("dialog-gone");
        SessionTarget target = awaitIdle(pid(session));
        session.close();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen(target.pid()).isEmpty());

        WorkflowDialog dialog = open(robot, SessionSignalWorkflow.terminate(cluster, "pg1", List.of(target)));
        awaitPhase(dialog.viewModel(), Phase.CONFIRMING);

        assertThat(dialog.viewModel().blockedProperty().get()).isTrue();
        assertThat(robot.lookup("#wf-confirm").query().isVisible()).isFalse();
        assertThat(robot.lookup("#wf-blocked").query().isVisible()).isTrue();
        Path blocked = Snapshots.save(dialog.stage().getScene(), "workflow-dialog-6-blocked");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Path light = Snapshots.save(dialog.stage().getScene(), "workflow-dialog-6-blocked-light");
        assertThat(Files.size(blocked)).isGreaterThan(10_000);
        assertThat(Files.size(light)).isGreaterThan(10_000);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private WorkflowDialog open(FxRobot robot, dev.vigil.ops.workflow.Workflow workflow) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> WorkflowDialog.open(owner, lab.engine(), workflow, tasks)).get(10, TimeUnit.SECONDS);
    }

    private static void awaitPhase(WorkflowDialogViewModel vm, Phase phase) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == phase);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Connection session(String applicationName) throws SQLException {
        Connection c = node.connect(LabCluster.DATABASE);
        c.setClientInfo("ApplicationName", applicationName);
        sessions.add(c);
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static CompletableFuture<Void> sleep(Connection c) {
        return CompletableFuture.runAsync(() -> {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_sleep(600)");
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private static SessionTarget awaitSleeping(int pid) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> seen(pid)
                .filter(t -> t.state().equals("active") && t.query().contains("pg_sleep")).isPresent());
        return seen(pid).orElseThrow();
    }

    private static SessionTarget awaitIdle(int pid) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> seen(pid).filter(t -> t.state().equals("idle")).isPresent());
        return seen(pid).orElseThrow();
    }

    private static Optional<SessionTarget> seen(int pid) {
        return SessionTargets.seen(node, pid);
    }
}
