package dev.vigil.ui.migrations;

import static dev.vigil.ui.shell.ConsoleOnLabTest.fx;
import static dev.vigil.ui.shell.ConsoleOnLabTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.vigil.bench.ui.SyntheticCluster;
import dev.vigil.journal.Journal;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.ui.common.ClusterSource;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.shell.ConsoleWindow;
import dev.vigil.ui.shell.MainViewModel;
import java.time.Instant;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A cluster with no migrations folder: the Migrations view says so and offers to choose one; nothing is read. */
@ExtendWith(ApplicationExtension.class)
class MigrationsViewEmptyTest {
    private ConsoleWindow window;
    private MainViewModel vm;
    private Scene scene;
    private Journal journal;

    @Start
    void start(Stage stage) throws Exception {
        SyntheticCluster cluster = new SyntheticCluster(20, 20, 0, Instant.now());
        ClusterSource source = new ClusterSource() {
            @Override
            public List<SampleFeed> open() {
                return List.of(cluster);
            }

            @Override
            public String description() {
                return "synthetic cluster";
            }

            @Override
            public void close() {
                // nothing runs
            }
        };
        window = ConsoleWindow.open(stage, source, "migrations-view-empty", ConsoleView.MIGRATIONS);
        vm = window.vm;
        scene = window.scene;
        journal = window.journal;
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void saysThereIsNoFolderAndOffersToChooseOne(FxRobot robot) throws Exception {
        waitFor(20, () -> vm.phaseProperty().get() == MainViewModel.Phase.RUNNING);
        waitFor(10, () -> fx(() -> robot.lookup("#migrations-empty").query().isVisible()));
        assertThat(fx(() -> robot.lookup("#migrations-empty-title").queryAs(Label.class).getText()))
                .isEqualTo("No migrations folder for synthetic");
        assertThat(fx(() -> robot.lookup("#migrations-choose-folder").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#migrations-content").query().isVisible()))
                .as("no table without a folder").isFalse();
        assertThat(fx(() -> robot.lookup("#migrations-rollback").query().isDisabled())).isTrue();
        Snapshots.save(scene, "migrations-0-no-folder");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Snapshots.save(scene, "migrations-0-no-folder-light");
    }
}
