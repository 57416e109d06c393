package dev.vigil.ui.health;

import static dev.vigil.ui.shell.ConsoleOnLabTest.fx;
import static dev.vigil.ui.shell.ConsoleOnLabTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.shell.LabWindowFixture;
import dev.vigil.ui.shell.MainViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Health view on the demo lab, as a newcomer opens it with Ctrl+8: the problems the lab really has (its
 * shop tables' identity sequences are unreadable to the pg_monitor role), one selected with its fix shown and
 * not run, and the wraparound ages of every database. Saved as a PNG.
 */
@ExtendWith(ApplicationExtension.class)
class HealthOnLabTest {
    private LabWindowFixture window;

    @Start
    void start(Stage stage) throws Exception {
        window = LabWindowFixture.open(stage, "health-view", ConsoleView.OVERVIEW);
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoLabsProblemsComeFirstEachWithItsFixShownAndNotRun(FxRobot robot) throws Exception {
        waitFor(90, () -> window.vm.phaseProperty().get() == MainViewModel.Phase.RUNNING
                && window.vm.selectedCluster() != null
                && fx(() -> window.vm.selectedCluster().status().primary().isPresent()));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT8)
                .release(javafx.scene.input.KeyCode.DIGIT8, javafx.scene.input.KeyCode.CONTROL);
        waitFor(10, () -> fx(() -> window.vm.viewProperty().get()) == ConsoleView.HEALTH);
        TableView<HealthRows.FindingRow> findings = robot.lookup("#health-findings").queryAs(TableView.class);
        waitFor(30, () -> fx(() -> findings.getItems().stream().anyMatch(r -> r.node().equals("pg1")
                && r.finding().kind().equals("sequences-unreadable"))));
        int row = fx(() -> {
            for (int i = 0; i < findings.getItems().size(); i++) {
                HealthRows.FindingRow r = findings.getItems().get(i);
                if (r.node().equals("pg1") && r.finding().kind().equals("sequences-unreadable")) {
                    return i;
                }
            }
            return -1;
        });
        robot.interact(() -> findings.getSelectionModel().select(row));
        TextArea fix = robot.lookup("#health-fix").queryAs(TextArea.class);
        assertThat(fx(() -> fix.getText())).contains("GRANT SELECT ON ALL SEQUENCES IN SCHEMA \"shop\" TO \"vigil_monitor\";");
        assertThat(fx(() -> fix.isEditable())).as("shown, never run: not even editable in place").isFalse();
        assertThat(fx(() -> robot.lookup("#health-copy-fix").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(fx(() -> robot.lookup("#health-evidence").queryAs(Label.class).getText()))
                .startsWith("pg1: ").contains("could not be read by vigil_monitor");
        assertThat(fx(() -> robot.lookup("#health-summary").queryAs(Label.class).getText())).contains("notice");
        TableView<HealthRows.WraparoundRow> wrap = robot.lookup("#health-wraparound").queryAs(TableView.class);
        waitFor(10, () -> fx(() -> wrap.getItems().stream().anyMatch(r -> r.database().name().equals("shop"))));
        TableView<HealthRows.SizeRow> sizes = robot.lookup("#health-sizes").queryAs(TableView.class);
        waitFor(10, () -> fx(() -> sizes.getItems().stream().anyMatch(r -> r.what().equals("database")
                && r.name().equals("shop") && r.bytes() > 0)));
        Snapshots.save(window.scene, "health-1-demo");
        // the readings behind the problems, further down: WAL needs two reads five ticks apart
        TableView<HealthRows.WalRow> wal = robot.lookup("#health-wal").queryAs(TableView.class);
        waitFor(30, () -> fx(() -> wal.getItems().stream().anyMatch(r -> r.node().equals("pg1")
                && r.rate().bytesPerSecond() > 0)));
        robot.interact(() -> robot.lookup("#health-view .view-scroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1.0));
        Snapshots.save(window.scene, "health-2-readings");
    }
}
