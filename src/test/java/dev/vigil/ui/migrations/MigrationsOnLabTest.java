package dev.vigil.ui.migrations;

import static dev.vigil.ui.shell.ConsoleOnLabTest.fx;
import static dev.vigil.ui.shell.ConsoleOnLabTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.workload.MigrationIncident;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.replication.RoleChangesOnLabTest;
import dev.vigil.ui.shell.LabWindowFixture;
import dev.vigil.ui.shell.MainViewModel;
import dev.vigil.ui.workflow.WorkflowDialogView;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.Phase;
import dev.vigil.ui.workflow.WorkflowDialogViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Migrations view as a newcomer meets it on the demo lab: the demo's three versions (two applied at start, one
 * pending); a rollback of one version through the choice and the workflow dialog (typed cluster name), after
 * which the table shows it pending and the column is gone from the server; applying it again; and a migration in
 * flight shown on top with the guided stop. Each stage is saved as a PNG.
 */
@ExtendWith(ApplicationExtension.class)
class MigrationsOnLabTest {
    private LabWindowFixture window;

    @Start
    void start(Stage stage) throws Exception {
        window = LabWindowFixture.open(stage, "migrations-view", ConsoleView.MIGRATIONS);
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void rollBackOneVersionThroughTheDialogThenApplyItAgain(FxRobot robot) throws Exception {
        waitFor(90, () -> window.vm.phaseProperty().get() == MainViewModel.Phase.RUNNING
                && window.vm.selectedCluster() != null
                && fx(() -> window.vm.selectedCluster().status().primary().isPresent()));
        LabCluster lab = window.source.demoLab().cluster();
        TableView<MigrationRow> table = robot.lookup("#migrations-table").queryAs(TableView.class);
        waitFor(30, () -> states(table).equals(List.of("3 pending", "2 ● current · applied", "1 applied")));
        assertThat(fx(() -> robot.lookup("#migrations-folder").queryAs(Label.class).getText()))
                .isEqualTo(window.source.demoLab().lab().dir().resolve("migrations").toString());
        assertThat(fx(() -> table.getItems().get(1).checksum())).isEqualTo("matches");
        assertThat(fx(() -> table.getItems()).stream().map(MigrationRow::undo)).containsOnly("available");
        assertThat(fx(() -> robot.lookup("#migrations-summary").queryAs(Label.class).getText()))
                .startsWith("Schema version 2 · 1 pending · read from pg1 at");
        assertThat(fx(() -> robot.lookup("#migrations-undo-sql").queryAs(javafx.scene.control.TextArea.class)
                .getText())).as("the current version's undo is shown").contains("DROP COLUMN weight_grams");
        assertThat(weights(lab.primary())).isEqualTo(200);
        Snapshots.save(window.scene, "migrations-1-demo");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Snapshots.save(window.scene, "migrations-1-demo-light");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));

        // Roll back to 1: the choice, then the guided workflow with its dry run and the typed cluster name.
        RoleChangesOnLabTest.clickWhenSteady(robot, "#migrations-rollback");
        waitFor(10, () -> fx(() -> robot.lookup("#migration-choice").tryQuery().isPresent()));
        ComboBox<MigrationOffers.Choice> down = robot.lookup("#migration-choice-version").queryComboBox();
        assertThat(fx(() -> down.getItems().stream().map(MigrationOffers.Choice::label).toList()))
                .containsExactly("1 create coupons (undoes 2)", "before the first migration (undoes 2, 1)");
        assertThat(fx(() -> down.getValue().version().toString())).isEqualTo("1");
        Snapshots.save(robot.lookup("#migration-choice").query().getScene(), "migrations-2-choose-rollback");
        robot.clickOn("#migration-choice-next");
        WorkflowDialogViewModel rollback = awaitProposal(robot);
        assertThat(fx(rollback::title)).isEqualTo("Roll back migrations on pg1 to version 1");
        assertThat(fx(() -> rollback.prechecks().stream().map(CheckResult::name).toList()))
                .contains("dry run of the undo (rolled back)");
        assertThat(fx(() -> rollback.typedConfirmationRequiredProperty().get())).isTrue();
        run(robot, rollback, "migrations-3-rollback", true);
        waitFor(20, () -> states(table).equals(List.of("3 pending", "2 undone · pending", "1 ● current · applied")));
        assertThat(weights(lab.primary())).as("the weight column is gone").isEqualTo(-1);
        Snapshots.save(window.scene, "migrations-4-after-rollback");

        // Apply again, up to 2 only: 3 stays pending.
        RoleChangesOnLabTest.clickWhenSteady(robot, "#migrations-apply");
        waitFor(10, () -> fx(() -> robot.lookup("#migration-choice").tryQuery().isPresent()));
        ComboBox<MigrationOffers.Choice> up = robot.lookup("#migration-choice-version").queryComboBox();
        assertThat(fx(() -> up.getItems().stream().map(MigrationOffers.Choice::label).toList())).containsExactly(
                "2 add product weight", "3 index orders by status (applies 2, 3) · every pending version");
        robot.interact(() -> up.getSelectionModel().select(0));
        Snapshots.save(robot.lookup("#migration-choice").query().getScene(), "migrations-5-choose-apply");
        robot.clickOn("#migration-choice-next");
        WorkflowDialogViewModel apply = awaitProposal(robot);
        assertThat(fx(apply::title)).isEqualTo("Apply pending migrations on pg1 up to version 2");
        run(robot, apply, "migrations-6-apply", false);
        waitFor(20, () -> states(table).equals(List.of("3 pending", "2 ● current · applied", "1 applied")));
        assertThat(weights(lab.primary())).as("the weights are back").isEqualTo(200);
        Snapshots.save(window.scene, "migrations-7-after-apply");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Snapshots.save(window.scene, "migrations-7-after-apply-light");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));

        // A migration in flight on the primary is shown on top, with the Locks view's guided stop.
        javafx.scene.Node banner = robot.lookup("#migrations-inflight-banner").query();
        assertThat(fx(banner::isVisible)).isFalse();
        try (MigrationIncident incident = MigrationIncident.start(lab)) {
            CompletableFuture<String> sleeping = CompletableFuture.supplyAsync(() -> incident.sleep(Duration.ofSeconds(60)));
            waitFor(20, () -> fx(banner::isVisible));
            assertThat(fx(() -> robot.lookup("#migrations-inflight-banner-text").queryAs(Label.class).getText()))
                    .contains("Migration in flight on pg1?").contains("shop.orders");
            waitFor(5, () -> fx(() -> robot.lookup("#migrations-apply").query().isDisabled()));
            assertThat(fx(() -> robot.lookup("#migrations-reasons").queryAs(Label.class).getText())).isEqualTo(
                    "Not now: a migration is in flight on pg1, pid " + incident.pid() + " (flyway): stop it first.");
            Snapshots.save(window.scene, "migrations-8-in-flight");
            RoleChangesOnLabTest.clickWhenSteady(robot, "#migrations-inflight-stop");
            WorkflowDialogViewModel stop = awaitProposal(robot);
            assertThat(fx(stop::title)).isEqualTo("Stop the migration in flight on pg1 (pid " + incident.pid() + ")");
            robot.clickOn("#wf-confirm");
            waitFor(60, () -> fx(() -> stop.phaseProperty().get() == Phase.FINISHED
                    || stop.phaseProperty().get() == Phase.FAILED));
            assertThat(fx(stop::outcome)).isEqualTo(Outcome.SUCCEEDED);
            assertThat(sleeping.get(10, TimeUnit.SECONDS)).isEqualTo("57014");
            robot.clickOn("#wf-cancel");
        }
        waitFor(20, () -> fx(() -> !banner.isVisible()));
        assertThat(states(table)).as("the stopped migration left the history alone")
                .isEqualTo(List.of("3 pending", "2 ● current · applied", "1 applied"));

        // Files the folder cannot use are listed plainly after a Refresh, and go when they are gone.
        Path folder = window.source.demoLab().lab().dir().resolve("migrations");
        Files.writeString(folder.resolve("R__refresh_views.sql"), "SELECT 1;");
        Files.writeString(folder.resolve("V2__weight_again.sql"), "SELECT 2;");
        javafx.scene.layout.VBox problems = robot.lookup("#migrations-problems").queryAs(javafx.scene.layout.VBox.class);
        robot.clickOn("#migrations-refresh");
        waitFor(10, () -> fx(problems::isVisible));
        List<String> lines = fx(() -> problems.getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("2 problems in the folder:");
        assertThat(lines.get(1)).startsWith("• R__refresh_views.sql: not a versioned (V) or undo (U) script name");
        assertThat(lines.get(2)).isEqualTo("• version 2 has two scripts: V2__add_product_weight.sql and "
                + "V2__weight_again.sql; the first is used");
        assertThat(states(table)).isEqualTo(List.of("3 pending", "2 ● current · applied", "1 applied"));
        Snapshots.save(window.scene, "migrations-9-problems");
        Files.delete(folder.resolve("R__refresh_views.sql"));
        Files.delete(folder.resolve("V2__weight_again.sql"));
        robot.clickOn("#migrations-refresh");
        waitFor(10, () -> fx(() -> !problems.isVisible()));
    }

    private static List<String> states(TableView<MigrationRow> table) {
        return fx(() -> table.getItems().stream().map(r -> r.version() + " " + r.stateText()).toList());
    }

    /** Products with a weight, or -1 when the column is not there. */
    private static int weights(LabNode primary) throws SQLException {
        try (Connection c = primary.connect(LabCluster.DATABASE); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_attribute WHERE attrelid = "
                    + "'shop.products'::regclass AND attname = 'weight_grams' AND NOT attisdropped")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return -1;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(weight_grams) FROM shop.products")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private WorkflowDialogViewModel awaitProposal(FxRobot robot) {
        waitFor(10, () -> fx(() -> robot.lookup(".workflow-dialog").tryQuery().isPresent()));
        WorkflowDialogViewModel dialog = fx(() -> ((WorkflowDialogView) robot.lookup(".workflow-dialog").query())
                .viewModel());
        waitFor(60, () -> fx(() -> dialog.phaseProperty().get() != Phase.PREPARING));
        assertThat(fx(() -> dialog.phaseProperty().get())).as(fx(() -> dialog.errorProperty().get()))
                .isEqualTo(Phase.CONFIRMING);
        assertThat(fx(() -> dialog.blockedProperty().get())).as(fx(() -> dialog.prechecks().stream()
                .filter(CheckResult::failed).map(c -> c.name() + ": " + c.evidence()).toList().toString())).isFalse();
        return dialog;
    }

    private void run(FxRobot robot, WorkflowDialogViewModel dialog, String snapshots, boolean typed) throws Exception {
        Scene dialogScene = robot.lookup(".workflow-dialog").query().getScene();
        Snapshots.save(dialogScene, snapshots + "-plan");
        Button confirm = robot.lookup("#wf-confirm").queryButton();
        if (fx(() -> dialog.hasWarningsProperty().get())) {
            robot.clickOn("#wf-acknowledge");
        }
        if (typed) {
            assertThat(fx(confirm::isDisabled)).as("not without the cluster name").isTrue();
            robot.clickOn("#wf-typed-name").write("demo");
        }
        waitFor(5, () -> fx(() -> !confirm.isDisabled()));
        Snapshots.save(dialogScene, snapshots + "-confirm");
        robot.clickOn("#wf-confirm");
        waitFor(60, () -> fx(() -> dialog.phaseProperty().get() == Phase.FINISHED
                || dialog.phaseProperty().get() == Phase.FAILED));
        Snapshots.save(dialogScene, snapshots + "-done");
        assertThat(fx(dialog::outcome)).as(fx(() -> dialog.reportProperty().get() == null ? dialog.errorProperty().get()
                : dialog.reportProperty().get().summary() + " " + dialog.reportProperty().get().verification()))
                .isEqualTo(Outcome.SUCCEEDED);
        robot.clickOn("#wf-cancel");
        waitFor(10, () -> fx(() -> robot.lookup(".workflow-dialog").tryQuery().isEmpty()));
    }
}
