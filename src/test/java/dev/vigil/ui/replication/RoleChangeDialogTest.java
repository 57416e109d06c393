package dev.vigil.ui.replication;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.journal.Journal;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Command;
import dev.vigil.ops.workflow.FakeWorkflow;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.ops.workflow.WorkflowContext;
import dev.vigil.ops.workflow.WorkflowEngine;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.TopologyChange;
import dev.vigil.ui.common.UiThread;
import dev.vigil.ui.workflow.WorkflowDialog;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.Phase;
import dev.vigil.ui.workflow.WorkflowDialogViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The role-change dialog with a failover of fake steps, no server: the topology before and after, the data-loss
 * estimate and fencing status set apart, in both themes, inside a 1360×860 screen.
 */
@ExtendWith(ApplicationExtension.class)
class RoleChangeDialogTest {
    @TempDir
    Path dir;
    private Journal journal;
    private WorkflowEngine engine;
    private TaskExecutor tasks;
    private Stage owner;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        owner = stage;
        stage.setScene(new Scene(new Label("the main window"), 1360, 860));
        stage.show();
    }

    @BeforeEach
    void engine() {
        journal = Journal.open(dir.resolve("journal.jsonl"));
        engine = new WorkflowEngine(journal);
        tasks = TaskExecutor.background(UiThread.fx());
    }

    @AfterEach
    void close() {
        tasks.close();
        engine.close();
        journal.close();
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    }

    /** A failover as the real one plans it, with warnings on the two checks that matter most. */
    static final class FakeFailover extends FakeWorkflow {
        FakeFailover() {
            super("demo", "Fail over demo to pg2");
            typedConfirmation();
            consequence("pg2 becomes the primary on a new timeline and accepts writes; clients must reconnect to it. "
                    + "Commits pg1 acknowledged that never reached pg2 are lost (see the data-loss estimate). pg3 "
                    + "follows pg2. pg1 is fenced and marked 'needs rejoin': it must never start as a primary again; "
                    + "a rejoin workflow brings it back as a standby.");
            step("Fence pg1", "so that it cannot come back as a second primary",
                    Command.described("pg_ctl stop -m immediate -D /var/lib/vigil/lab/demo/pg1; kill -9 if still "
                            + "running; touch /var/lib/vigil/lab/demo/pg1/standby.signal"),
                    Duration.ofSeconds(120), ctx -> StepResult.done("pg1 is down"));
            step("Promote pg2", "end recovery", Command.sql("SELECT pg_catalog.pg_promote(true, 60)"),
                    Duration.ofSeconds(60), ctx -> StepResult.done("pg2 is primary"));
        }

        @Override
        public Topology topology(WorkflowContext context) {
            return new Topology("demo", List.of(
                    TopologyNode.unreachable("pg1", "127.0.0.1:5001", "Connection to 127.0.0.1:5001 refused. Check "
                            + "that the hostname and port are correct"),
                    new TopologyNode("pg2", "127.0.0.1:5002", NodeStatus.Role.STANDBY, Optional.of("pg1"),
                            Optional.of(1), "17.6", ""),
                    new TopologyNode("pg3", "127.0.0.1:5003", NodeStatus.Role.STANDBY, Optional.of("pg1"),
                            Optional.of(1), "17.6", "")), Optional.of("pg2"), Instant.now());
        }

        @Override
        public List<Check> prechecks(Topology topology, Plan plan) {
            return List.of(
                    Check.of("pg1 (the primary) is unreachable", c -> CheckResult.pass("pg1 (the primary) is unreachable",
                            "no connection to 127.0.0.1:5001: Connection refused; postmaster not running")),
                    Check.of("pg2 is the standby to promote", c -> CheckResult.pass("pg2 is the standby to promote",
                            "pg2 is the most advanced standby; pg2 received 0/3A1C2B8, replayed 0/3A1C2B8; pg3 "
                                    + "received 0/3A1C100, replayed 0/3A1C100")),
                    Check.of("data-loss estimate", c -> CheckResult.warn("data-loss estimate", "up to 2.1 MB of WAL pg1 "
                            + "wrote (last seen 0/3C2F000 at 2025-01-01T10:00:00Z) never reached pg2 (received "
                            + "0/3A1C2B8): commits in it are lost", "Acknowledge the loss, or bring pg1 back and switch "
                            + "over instead if it can be saved.")),
                    Check.of("pg1 is fenced", c -> CheckResult.warn("pg1 is fenced", "NOT CONFIRMED DOWN and Vigil "
                            + "cannot fence it (no process information). If pg1 is alive and clients reach it, there "
                            + "will be two primaries", "Fence it yourself (power it off, cut it from the network, stop "
                            + "PostgreSQL) and only then acknowledge.")));
        }

        @Override
        public Optional<Topology> intended(Topology before, Plan plan) {
            return Optional.of(new Topology("demo", List.of(
                    TopologyNode.unreachable("pg1", "127.0.0.1:5001", "fenced, needs rejoin"),
                    new TopologyNode("pg2", "127.0.0.1:5002", NodeStatus.Role.PRIMARY, Optional.empty(),
                            Optional.of(2), "17.6", ""),
                    new TopologyNode("pg3", "127.0.0.1:5003", NodeStatus.Role.STANDBY, Optional.of("pg2"),
                            Optional.of(2), "17.6", "")), before.focus(), before.readAt()));
        }
    }

    @Test
    void showsBeforeAndAfterAndSetsTheDataLossAndFencingApartInBothThemes(FxRobot robot) throws Exception {
        WorkflowDialog dialog = WaitForAsyncUtils.asyncFx(() -> WorkflowDialog.openRoleChange(owner, engine,
                new FakeFailover(), tasks, Set.of())).get(10, TimeUnit.SECONDS);
        WorkflowDialogViewModel vm = dialog.viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == Phase.CONFIRMING);
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = dialog.stage().getScene();

        assertThat(scene.getWidth()).isLessThanOrEqualTo(1360);
        assertThat(scene.getHeight()).isLessThanOrEqualTo(860 - 60); // room for title bar and task bar
        assertThat(robot.lookup("#wf-topology").query().isVisible()).as("the one-line topology gives way").isFalse();
        assertThat(card(robot, "#wf-before-pg1").badge()).isEqualTo(TopologyChange.Badge.DOWN);
        assertThat(card(robot, "#wf-after-pg1").badge()).isEqualTo(TopologyChange.Badge.FENCED);
        assertThat(card(robot, "#wf-after-pg2").badge()).isEqualTo(TopologyChange.Badge.PRIMARY);
        assertThat(card(robot, "#wf-after-pg3").upstream()).contains("pg2");
        assertThat(robot.lookup("#wf-key-data-loss").query().isVisible()).isTrue();
        assertThat(robot.lookup("#wf-key-fencing").query().isVisible()).isTrue();
        // The change and the two checks are on screen without scrolling, above the plan.
        Node keyFencing = robot.lookup("#wf-key-fencing").query();
        Bounds inScene = keyFencing.localToScene(keyFencing.getBoundsInLocal());
        assertThat(inScene.getMaxY()).isLessThan(robot.lookup("#wf-steps").query()
                .localToScene(robot.lookup("#wf-steps").query().getBoundsInLocal()).getMinY());

        Path dark = Snapshots.save(scene, "wizard-fake-failover-plan");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Path light = Snapshots.save(scene, "wizard-fake-failover-plan-light");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));

        robot.clickOn("#wf-acknowledge");
        robot.clickOn("#wf-typed-name").write("demo");
        assertThat(vm.canConfirmProperty().get()).isTrue();
        Path confirm = Snapshots.save(scene, "wizard-fake-failover-confirm");
        robot.clickOn("#wf-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == Phase.FINISHED);
        Path done = Snapshots.save(scene, "wizard-fake-failover-done");
        for (Path png : List.of(dark, light, confirm, done)) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
        robot.interact(() -> dialog.stage().close());
    }

    private static TopologyChange.Side card(FxRobot robot, String id) {
        return (TopologyChange.Side) robot.lookup(id).query().getUserData();
    }
}
