package dev.vigil.ui.replication;

import static dev.vigil.ui.shell.ConsoleOnLabTest.fx;
import static dev.vigil.ui.shell.ConsoleOnLabTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.sql.Lsn;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.shell.LabWindowFixture;
import dev.vigil.ui.shell.MainViewModel;
import dev.vigil.ui.shell.TreeEntry;
import dev.vigil.ui.workflow.WorkflowDialogView;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.Phase;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.StepStatus;
import dev.vigil.ui.workflow.WorkflowDialogViewModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Switchover, failover and rejoin as a newcomer does them on the demo lab: from the Replication view's buttons
 * and the tree's menu, through the workflow dialog (plan, prechecks, typed cluster name, live steps, outcome),
 * with the tree saying afterwards who is primary and who is fenced. Each stage is saved as a PNG.
 */
@ExtendWith(ApplicationExtension.class)
public class RoleChangesOnLabTest {
    private LabWindowFixture window;

    @Start
    void start(Stage stage) throws Exception {
        window = LabWindowFixture.open(stage, "role-changes", ConsoleView.REPLICATION);
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void switchoverThenFailoverAfterAKillThenRejoinAllThroughTheDialog(FxRobot robot) throws Exception {
        waitFor(90, () -> window.vm.phaseProperty().get() == MainViewModel.Phase.RUNNING
                && window.vm.selectedCluster() != null
                && fx(() -> window.vm.selectedCluster().status().reachableCount() == 3));
        LabCluster lab = window.source.demoLab().cluster();
        TreeView<TreeEntry> tree = robot.lookup("#cluster-tree").queryAs(TreeView.class);
        waitFor(30, () -> roles(tree).equals(Map.of("pg1", NodeStatus.Role.PRIMARY, "pg2", NodeStatus.Role.STANDBY,
                "pg3", NodeStatus.Role.STANDBY)) && enabled(robot, "#action-switchover-pg2"));

        // (a) Switchover pg1 → pg2 from the Replication view's button.
        clickWhenSteady(robot, "#action-switchover-pg2");
        WorkflowDialogViewModel switchover = runThroughDialog(robot, "wizard-switchover");
        assertThat(switchover.outcome()).isEqualTo(Outcome.SUCCEEDED);
        waitFor(30, () -> roles(tree).equals(Map.of("pg1", NodeStatus.Role.STANDBY, "pg2", NodeStatus.Role.PRIMARY,
                "pg3", NodeStatus.Role.STANDBY)));
        waitFor(20, () -> fx(() -> fencedInTree(tree).isEmpty()));

        // (b) pg2's postmaster dies; the monitor's last look at its WAL is what the data-loss estimate rests on.
        waitFor(20, () -> fx(() -> window.vm.selectedCluster().lastSeen().filter(l -> l.node().equals("pg2"))
                .isPresent()));
        lab.node("pg2").kill9();
        waitFor(30, () -> enabled(robot, "#action-failover"));
        Snapshots.save(window.scene, "wizard-failover-0-no-primary");
        clickWhenSteady(robot, "#action-failover");
        WorkflowDialogViewModel failover = awaitProposal(robot);
        List<String> mostAdvanced = mostAdvanced(lab, List.of("pg1", "pg3"));
        CheckResult candidate = fx(() -> failover.prechecks().stream()
                .filter(c -> c.name().endsWith(" is the standby to promote")).findFirst().orElseThrow());
        String promoted = candidate.name().substring(0, candidate.name().indexOf(' '));
        assertThat(mostAdvanced).as("the proposed standby has received the most WAL: " + candidate.evidence())
                .contains(promoted);
        assertThat(candidate.passed()).isTrue();
        assertThat(fx(failover::title)).isEqualTo("Fail over demo to " + promoted);
        Label dataLoss = robot.lookup("#wf-key-data-loss .wf-key-evidence").queryAs(Label.class);
        assertThat(fx(dataLoss::isVisible)).isTrue();
        assertThat(fx(dataLoss::getText)).as("the estimate uses the monitor's last sample of pg2")
                .doesNotStartWith("unknown").contains("pg2");
        assertThat(robot.lookup("#wf-key-fencing").tryQuery()).isPresent();
        runProposal(robot, failover, "wizard-failover");
        assertThat(failover.outcome()).isEqualTo(Outcome.SUCCEEDED);
        waitFor(30, () -> roles(tree).get(promoted) == NodeStatus.Role.PRIMARY && fx(() -> fencedInTree(tree))
                .equals(List.of("pg2")));
        assertThat(fx(() -> robot.lookup("#tree-node-pg2 .tree-fenced").queryAs(Label.class).getText()))
                .startsWith("fenced · needs rejoin");
        waitFor(10, () -> fx(() -> robot.lookup("#topology-pg2 .topology-fenced").tryQuery().isPresent()));
        Snapshots.save(window.scene, "wizard-failover-5-console");

        // Rejoin pg2 from the tree's context menu; it comes back as a standby of the new primary.
        openContextMenu(robot, "#tree-node-pg2", "#menu-action-rejoin-pg2");
        Snapshots.save(robot.lookup("#menu-action-rejoin-pg2").query().getScene(), "wizard-rejoin-0-menu");
        Snapshots.save(window.scene, "wizard-rejoin-0-window");
        robot.clickOn("#menu-action-rejoin-pg2");
        WorkflowDialogViewModel rejoin = runThroughDialog(robot, "wizard-rejoin");
        assertThat(rejoin.outcome()).isEqualTo(Outcome.SUCCEEDED);
        LabNode primary = lab.node(promoted);
        waitFor(60, () -> lab.streamingStandbys(primary).contains("pg2"));
        waitFor(30, () -> roles(tree).get("pg2") == NodeStatus.Role.STANDBY && fx(() -> fencedInTree(tree)).isEmpty());
        Snapshots.save(window.scene, "wizard-rejoin-5-console");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Snapshots.save(window.scene, "wizard-rejoin-5-console-light");
    }

    // --- the dialog, as a person uses it -------------------------------------------------------------------

    private WorkflowDialogViewModel runThroughDialog(FxRobot robot, String snapshots) throws Exception {
        WorkflowDialogViewModel dialog = awaitProposal(robot);
        runProposal(robot, dialog, snapshots);
        return dialog;
    }

    /** Waits for the plan and prechecks; fails with the failed checks' evidence if anything blocks. */
    private WorkflowDialogViewModel awaitProposal(FxRobot robot) throws Exception {
        try {
            waitFor(10, () -> fx(() -> robot.lookup(".workflow-dialog").tryQuery().isPresent()));
        } catch (AssertionError e) {
            Snapshots.save(window.scene, "failed-no-dialog");
            throw e;
        }
        WorkflowDialogViewModel dialog = fx(() -> ((WorkflowDialogView) robot.lookup(".workflow-dialog").query()).viewModel());
        waitFor(60, () -> fx(() -> dialog.phaseProperty().get() != Phase.PREPARING));
        assertThat(fx(() -> dialog.phaseProperty().get())).as(fx(() -> dialog.errorProperty().get())).isEqualTo(Phase.CONFIRMING);
        assertThat(fx(() -> dialog.blockedProperty().get())).as(fx(() -> dialog.prechecks().stream()
                .filter(CheckResult::failed).map(c -> c.name() + ": " + c.evidence()).toList().toString())).isFalse();
        assertThat(fx(() -> dialog.prechecks().size())).isGreaterThan(2);
        assertThat(fx(() -> dialog.changeProperty().get())).as("the topology before and after").isNotNull();
        assertThat(fx(() -> dialog.typedConfirmationRequiredProperty().get())).isTrue();
        return dialog;
    }

    private void runProposal(FxRobot robot, WorkflowDialogViewModel dialog, String snapshots) throws Exception {
        Scene dialogScene = robot.lookup(".workflow-dialog").query().getScene();
        assertThat(dialogScene.getWindow().getWidth()).isLessThanOrEqualTo(1360);
        assertThat(dialogScene.getWindow().getHeight()).isLessThanOrEqualTo(860);
        Snapshots.save(dialogScene, snapshots + "-1-plan");
        Button confirm = robot.lookup("#wf-confirm").queryButton();
        if (fx(() -> dialog.hasWarningsProperty().get())) {
            robot.clickOn("#wf-acknowledge");
        }
        assertThat(fx(confirm::isDisabled)).as("not without the cluster name").isTrue();
        robot.clickOn("#wf-typed-name").write("demo");
        waitFor(5, () -> fx(() -> !confirm.isDisabled()));
        Snapshots.save(dialogScene, snapshots + "-2-confirm");
        robot.clickOn("#wf-confirm");
        waitFor(30, () -> fx(() -> dialog.phaseProperty().get() == Phase.FINISHED
                || dialog.steps().stream().anyMatch(s -> s.status() == StepStatus.RUNNING)));
        Snapshots.save(dialogScene, snapshots + "-3-progress");
        waitFor(120, () -> fx(() -> dialog.phaseProperty().get() == Phase.FINISHED
                || dialog.phaseProperty().get() == Phase.FAILED));
        Snapshots.save(dialogScene, snapshots + "-4-done");
        assertThat(fx(() -> robot.lookup("#wf-outcome").queryAs(Label.class).getText()))
                .as(fx(() -> dialog.reportProperty().get() == null ? dialog.errorProperty().get()
                        : dialog.reportProperty().get().summary() + " " + dialog.steps()))
                .isEqualTo("Succeeded");
        robot.clickOn("#wf-cancel");
        waitFor(10, () -> fx(() -> robot.lookup(".workflow-dialog").tryQuery().isEmpty()));
    }

    /**
     * Clicks a button once it is enabled and has stayed where it is for half a second: the alert strip appears
     * and goes as alerts are raised and cleared, moving everything below it, and a click aimed before such a move
     * lands on whatever is there after it.
     */
    public static void clickWhenSteady(FxRobot robot, String id) {
        double[] last = {Double.NaN};
        long[] since = {System.nanoTime()};
        waitFor(30, () -> {
            Optional<javafx.geometry.Bounds> at = fx(() -> robot.lookup(id).tryQuery()
                    .filter(n -> !n.isDisabled() && n.getScene() != null)
                    .map(n -> n.localToScene(n.getBoundsInLocal())));
            double y = at.map(javafx.geometry.Bounds::getMinY).orElse(Double.NaN);
            if (Double.isNaN(y) || y != last[0]) {
                last[0] = y;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] > 500_000_000L;
        });
        robot.clickOn(id);
    }

    /**
     * Monocle turns no right click into a context-menu request (TestFX/Monocle#12), so the request a desktop
     * would send is fired at the row, from where the pointer is. The tree rebuilds a row's graphic on every
     * sample, so the row is looked up again, attached to the scene, at the moment the request is fired, and
     * the request is repeated if a rebuild swallowed it.
     */
    private static void openContextMenu(FxRobot robot, String id, String itemId) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Optional<javafx.geometry.Bounds> at = fx(() -> attached(robot, id)
                    .map(n -> n.localToScreen(n.getBoundsInLocal())));
            if (at.isPresent()) {
                robot.moveTo(new javafx.geometry.Point2D(at.get().getCenterX(), at.get().getCenterY()));
                robot.interact(() -> attached(robot, id).ifPresent(row -> {
                    javafx.geometry.Bounds b = row.localToScreen(row.getBoundsInLocal());
                    row.fireEvent(new javafx.scene.input.ContextMenuEvent(
                            javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getWidth() / 2,
                            b.getHeight() / 2, b.getCenterX(), b.getCenterY(), false, null));
                }));
                try {
                    waitFor(2, () -> fx(() -> robot.lookup(itemId).tryQuery().isPresent()));
                    return;
                } catch (AssertionError notYet) {
                    // the row was rebuilt under the request; ask again
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no context menu with " + itemId + " on " + id + "; windows: "
                        + fx(() -> javafx.stage.Window.getWindows().stream()
                                .map(w -> w.getClass().getSimpleName() + ":" + w.isShowing()).toList()));
            }
        }
    }

    private static Optional<javafx.scene.Node> attached(FxRobot robot, String id) {
        return robot.lookup(id).queryAll().stream().filter(n -> n.getScene() != null && n.isVisible()).findFirst();
    }

    // --- what the window and the servers say ---------------------------------------------------------------

    private static boolean enabled(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).tryQuery().map(n -> !n.isDisabled() && n.isVisible()).orElse(false));
    }

    private static List<TreeEntry.NodeEntry> entries(TreeView<TreeEntry> tree) {
        return tree.getRoot().getChildren().stream().flatMap(c -> c.getChildren().stream()).map(TreeItem::getValue)
                .map(e -> (TreeEntry.NodeEntry) e).toList();
    }

    private static Map<String, NodeStatus.Role> roles(TreeView<TreeEntry> tree) {
        return fx(() -> entries(tree).stream().collect(Collectors.toMap(e -> e.node().node(), e -> e.node().role())));
    }

    private static List<String> fencedInTree(TreeView<TreeEntry> tree) {
        return entries(tree).stream().filter(TreeEntry.NodeEntry::fenced).map(e -> e.node().node()).toList();
    }

    /** The standbys that have received the most WAL, asked directly (the primary is dead, so this is final). */
    private static List<String> mostAdvanced(LabCluster lab, List<String> standbys) throws Exception {
        Map<String, Lsn> received = new java.util.HashMap<>();
        for (String name : standbys) {
            try (Connection c = lab.node(name).connect("postgres"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_last_wal_receive_lsn()::text, "
                         + "pg_catalog.pg_last_wal_replay_lsn()::text")) {
                rs.next();
                // As the failover ranks them: the further of received and replayed.
                Lsn end = java.util.stream.Stream.of(rs.getString(1), rs.getString(2)).filter(java.util.Objects::nonNull)
                        .map(Lsn::parse).max(Comparator.naturalOrder()).orElseThrow();
                received.put(name, end);
            }
        }
        Lsn max = received.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        return received.entrySet().stream().filter(e -> e.getValue().equals(max)).map(Map.Entry::getKey).toList();
    }
}
