package dev.vigil.ui.migrations;

import static dev.vigil.ui.shell.ConsoleOnLabTest.fx;
import static dev.vigil.ui.shell.ConsoleOnLabTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.replication.RoleChangesOnLabTest;
import dev.vigil.ui.shell.ConsoleWindow;
import dev.vigil.ui.shell.DemoLabSource;
import dev.vigil.ui.shell.MainViewModel;
import dev.vigil.ui.workflow.WorkflowDialogView;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.Phase;
import dev.vigil.ui.workflow.WorkflowDialogViewModel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The postmortem's incident on the demo lab, as a newcomer meets it in the window: a migration holds ACCESS
 * EXCLUSIVE on the hot orders table and sleeps; the Locks view's banner says so and offers the guided stop; the
 * dialog cancels it, the waiting sessions drain, and the Events view tells the whole episode.
 */
@ExtendWith(ApplicationExtension.class)
class MigrationIncidentOnLabTest {
    private ConsoleWindow window;
    private MainViewModel vm;
    private DemoLabSource source;
    private Scene scene;
    private Journal journal;
    private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        source = new DemoLabSource(LabSettings.fromEnvironment());
        window = ConsoleWindow.open(stage, source, "migration-incident", ConsoleView.LOCKS);
        vm = window.vm;
        scene = window.scene;
        journal = window.journal;
        journal.subscribe(entries::add);
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void theBannerOffersTheGuidedStopAndTheEventsViewTellsTheEpisode(FxRobot robot) throws Exception {
        waitFor(90, () -> vm.phaseProperty().get() == MainViewModel.Phase.RUNNING && vm.selectedCluster() != null
                && fx(() -> vm.selectedCluster().status().reachableCount() == 3));
        LabCluster lab = source.demoLab().cluster();
        LabNode primary = lab.primary();
        Node banner = robot.lookup("#migration-banner").query();
        assertThat(fx(banner::isVisible)).as("no banner on a quiet cluster").isFalse();

        try (Connection migration = flyway(primary, lab)) {
            migration.setAutoCommit(false);
            try (Statement st = migration.createStatement()) {
                st.execute("ALTER TABLE shop.orders ADD COLUMN gift_note text");
            }
            CompletableFuture<String> sleeping = CompletableFuture.supplyAsync(() -> {
                try (Statement st = migration.createStatement()) {
                    st.execute("SELECT pg_sleep(120)");
                    return "finished";
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            });
            waitFor(20, () -> fx(banner::isVisible));
            String text = fx(() -> robot.lookup("#migration-banner-text").queryAs(Label.class).getText());
            assertThat(text).contains("Migration in flight on pg1?").contains("(flyway)")
                    .contains("holds AccessExclusiveLock on shop.orders").contains("wait behind it");
            Snapshots.save(scene, "incident-1-banner");

            RoleChangesOnLabTest.clickWhenSteady(robot, "#migration-stop");
            waitFor(10, () -> fx(() -> robot.lookup(".workflow-dialog").tryQuery().isPresent()));
            WorkflowDialogViewModel dialog = fx(() -> ((WorkflowDialogView) robot.lookup(".workflow-dialog").query())
                    .viewModel());
            waitFor(30, () -> fx(() -> dialog.phaseProperty().get() == Phase.CONFIRMING));
            assertThat(fx(() -> dialog.blockedProperty().get())).isFalse();
            Scene dialogScene = robot.lookup(".workflow-dialog").query().getScene();
            Snapshots.save(dialogScene, "incident-2-plan");
            robot.clickOn("#wf-confirm");
            waitFor(60, () -> fx(() -> dialog.phaseProperty().get() == Phase.FINISHED
                    || dialog.phaseProperty().get() == Phase.FAILED));
            Snapshots.save(dialogScene, "incident-3-done");
            assertThat(fx(() -> dialog.outcome())).as(fx(() -> dialog.reportProperty().get() == null ? "no report"
                    : dialog.reportProperty().get().summary() + " " + dialog.reportProperty().get().verification()))
                    .isEqualTo(Outcome.SUCCEEDED);
            assertThat(sleeping.get(10, TimeUnit.SECONDS)).isEqualTo("57014");
            robot.clickOn("#wf-cancel");
        }
        waitFor(20, () -> fx(() -> !banner.isVisible()));

        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT6).release(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        waitFor(20, () -> entries.stream().anyMatch(e -> e.kind().equals("alert.cleared")
                && e.summary().contains("migration in flight")));
        TableView<?> events = robot.lookup("#events-table").queryAs(TableView.class);
        waitFor(20, () -> fx(() -> events.getItems().size()) >= 6);
        Snapshots.save(scene, "incident-4-events");
        assertThat(entries).anySatisfy(e -> assertThat(e.kind()).isEqualTo("alert.raised"));
        assertThat(entries.stream().filter(e -> "migration.stop".equals(e.evidence().get("workflow")))
                .map(JournalEntry::kind)).contains("action.plan", "action.confirmation", "action.step", "action.verify",
                "action.outcome");
    }

    private static Connection flyway(LabNode node, LabCluster lab) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", lab.credentials().superuserPassword());
        props.setProperty("ApplicationName", "flyway");
        return DriverManager.getConnection(node.jdbcUrl(LabCluster.DATABASE), props);
    }
}
