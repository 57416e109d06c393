package dev.vigil.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabSettings;
import dev.vigil.ui.common.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a clusters.yaml with a key typo: a red banner names each problem as file:line, the other
 * cluster is watched (its node's failure says what it is), and saving a fixed file brings the missing cluster in.
 */
@ExtendWith(ApplicationExtension.class)
class InventoryBannerTest {
    private static final String GOOD = """
            clusters:
              - name: shop
                sslmode: disable
                nodes:
                  - {name: db1, host: 127.0.0.1, port: 1}
              - name: billing
                sslmode: disable
                nodes:
                  - name: b1
                    %s: 127.0.0.1
                    port: 2
            """;
    private Path dir;
    private Path config;
    private ConsoleWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("vigil-banner");
        Path labs = Files.createDirectories(dir.resolve("labs"));
        Files.setPosixFilePermissions(labs, PosixFilePermissions.fromString("rwxr-xr-x"));
        config = Files.writeString(dir.resolve("clusters.yaml"), GOOD.formatted("hots"));
        window = ConsoleWindow.open(stage, new StartupSource(config, new LabSettings(labs, Optional.empty())),
                "inventory-banner", WindowState.DEFAULT);
        scene = window.scene;
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void theBannerListsEachProblemByFileAndLineAndAFixedFileIsReloaded(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#inventory-banner").query()
                .isVisible()));
        List<String> lines = fx(() -> problemLines(robot));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(config + ":10: error: unknown key 'hots' in a node")
                .contains("this cluster is not loaded, the others are"));
        assertThat(fx(() -> robot.lookup("#inventory-banner-title").queryLabeled().getText()))
                .contains("inventory problem").contains("not watched");
        TreeView<TreeEntry> tree = robot.lookup("#cluster-tree").queryAs(TreeView.class);
        assertThat(fx(() -> clusterNames(tree))).containsExactly("shop");
        // The watched cluster's dead node says what it is, not just "unreachable".
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(".label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText() != null && l.getText().contains("nothing listening"))));
        Path png = Snapshots.save(scene, "inventory-banner");
        assertThat(Files.size(png)).isGreaterThan(10_000);

        Files.writeString(config, GOOD.formatted("host"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> clusterNames(tree)).contains("billing"));
        assertThat(fx(() -> clusterNames(tree))).containsExactlyInAnyOrder("shop", "billing");
        assertThat(fx(() -> problemLines(robot))).noneSatisfy(l -> assertThat(l).contains("error:"));
        Snapshots.save(scene, "inventory-banner-reloaded");

        // The button reads the file again too: a new typo shows at once, and the cluster it names leaves.
        Files.writeString(config, GOOD.formatted("hots"));
        robot.clickOn("#inventory-reload");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> problemLines(robot)).stream()
                .anyMatch(l -> l.contains(":10: error: unknown key 'hots'")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> clusterNames(tree)).equals(List.of("shop")));
    }

    private static List<String> problemLines(FxRobot robot) {
        VBox lines = robot.lookup("#inventory-problems").queryAs(VBox.class);
        return lines.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static List<String> clusterNames(TreeView<TreeEntry> tree) {
        return tree.getRoot().getChildren().stream().map(TreeItem::getValue)
                .filter(e -> e instanceof TreeEntry.ClusterEntry).map(e -> ((TreeEntry.ClusterEntry) e).cluster().cluster())
                .toList();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unused")
    private static boolean visible(Node n) {
        return n.isVisible();
    }
}
