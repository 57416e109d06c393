package dev.vigil.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.lab.LabNode;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless, on the real demo lab: three nodes with the right roles, live. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private LabWindowFixture window;
    private MainViewModel vm;
    private DemoLabSource source;
    private Scene scene;
    private WindowStateStore layoutStore;

    @Start
    void start(Stage stage) throws Exception {
        window = LabWindowFixture.open(stage, "main-window", WindowState.DEFAULT);
        vm = window.vm;
        source = window.source;
        scene = window.scene;
        layoutStore = new WindowStateStore(Path.of("target", "test-window", "window-" + ProcessHandle.current().pid() + ".properties"));
        window.view.rememberLayoutIn(layoutStore);
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void showsTheDemoLabsThreeNodesWithRolesAndFollowsANodeGoingDown(FxRobot robot) throws Exception {
        Path starting = Snapshots.save(scene, "main-window-starting");
        TreeView<TreeEntry> tree = robot.lookup("#cluster-tree").queryAs(TreeView.class);

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> roles(tree).equals(
                Map.of("pg1", NodeStatus.Role.PRIMARY, "pg2", NodeStatus.Role.STANDBY, "pg3", NodeStatus.Role.STANDBY)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> nodes(tree).stream()
                .filter(n -> n.inRecovery()).allMatch(n -> n.upstreamAddress().isPresent()));
        assertThat(nodes(tree)).allSatisfy(n -> assertThat(n.version()).startsWith("17"));
        assertThat(robot.lookup("#startup-overlay").query().isVisible()).isFalse();
        Path live = Snapshots.save(scene, "main-window");

        double tabsAt = sceneY(robot, "#tab-replication");
        double stripHeight = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#alert-strip").query().getLayoutBounds()
                .getHeight()).get(5, TimeUnit.SECONDS);

        LabNode pg3 = source.demoLab().cluster().node("pg3");
        pg3.kill9();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> roles(tree).get("pg3") == NodeStatus.Role.UNKNOWN);
        // An alert arriving changes the strip's colour and words, never the layout under the pointer.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot
                .lookup("#alert-strip .alert-count").queryLabeled().getText()).get(5, TimeUnit.SECONDS).endsWith("alert")
                || robot.lookup("#alert-strip .alert-count").queryLabeled().getText().endsWith("alerts"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#alert-strip").query().getLayoutBounds().getHeight())
                .get(5, TimeUnit.SECONDS)).isEqualTo(stripHeight);
        assertThat(sceneY(robot, "#tab-replication")).as("the tabs did not move").isEqualTo(tabsAt);
        assertThat(roles(tree)).containsEntry("pg1", NodeStatus.Role.PRIMARY).containsEntry("pg2", NodeStatus.Role.STANDBY);
        assertThat(robot.lookup("#connection-state").queryLabeled().getText()).isEqualTo("2/3 nodes reachable");
        Path down = Snapshots.save(scene, "main-window-node-down");

        // With a node down the window stays responsive: a click on a view's tab is handled within 200 ms.
        robot.moveTo("#tab-replication");
        long[] selectedAt = new long[1];
        robot.interact(() -> vm.viewProperty().addListener((o, a, v) -> selectedAt[0] = System.nanoTime()));
        long clickedAt = System.nanoTime();
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> selectedAt[0] != 0);
        assertThat((selectedAt[0] - clickedAt) / 1_000_000).as("ms from click to view switch").isLessThan(200);
        assertThat(vm.viewProperty().get()).isEqualTo(ConsoleView.REPLICATION);

        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Path light = Snapshots.save(scene, "main-window-light");
        for (Path png : List.of(starting, live, down, light)) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
        // Closing the window remembers its layout: the next start opens on the same view.
        robot.interact(() -> scene.getWindow().hide());
        assertThat(layoutStore.load().view()).isEqualTo(ConsoleView.REPLICATION);
    }

    private static double sceneY(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node node = robot.lookup(id).query();
            return node.localToScene(node.getLayoutBounds()).getMinY();
        }).get(5, TimeUnit.SECONDS);
    }

    private static List<NodeStatus> nodes(TreeView<TreeEntry> tree) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> tree.getRoot().getChildren().stream()
                .flatMap(cluster -> cluster.getChildren().stream()).map(TreeItem::getValue)
                .map(e -> ((TreeEntry.NodeEntry) e).node()).toList()).get(5, TimeUnit.SECONDS);
    }

    private static Map<String, NodeStatus.Role> roles(TreeView<TreeEntry> tree) throws Exception {
        return nodes(tree).stream().collect(Collectors.toMap(NodeStatus::node, NodeStatus::role));
    }
}
