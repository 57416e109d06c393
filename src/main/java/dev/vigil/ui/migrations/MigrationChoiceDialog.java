package dev.vigil.ui.migrations;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The small question before a migration workflow: which version to roll back to, or to apply up to. What it
 * picks goes to the workflow dialog, whose prechecks, dry run and confirmation decide the rest.
 */
final class MigrationChoiceDialog extends Dialog<MigrationChoiceDialog.Answer> {

    /** The version picked and, for an apply, whether versions without an undo script may be applied. */
    record Answer(MigrationOffers.Choice choice, boolean allowMissingUndo) {}

    private final ComboBox<MigrationOffers.Choice> versions = new ComboBox<>();
    private final CheckBox allowMissingUndo = new CheckBox("Apply it without an undo script: Vigil cannot roll it back");

    private MigrationChoiceDialog(Window owner, String title, String question, String explanation, String next,
                                  List<MigrationOffers.Choice> choices, MigrationOffers.Choice preselected,
                                  boolean askAboutUndo) {
        initOwner(owner);
        setTitle("Vigil — " + title);
        setHeaderText(question);
        getDialogPane().setId("migration-choice");
        getDialogPane().getStyleClass().add("migration-choice");
        versions.setId("migration-choice-version");
        versions.getItems().setAll(choices);
        versions.getSelectionModel().select(preselected);
        versions.setMaxWidth(Double.MAX_VALUE);
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.getStyleClass().add("migration-choice-text");
        allowMissingUndo.setId("migration-choice-allow-missing-undo");
        allowMissingUndo.setWrapText(true);
        VBox content = new VBox(10, text, versions);
        if (askAboutUndo) {
            content.getChildren().add(allowMissingUndo);
            allowMissingUndo.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> versions.getValue() != null && versions.getValue().lacksUndo(), versions.valueProperty()));
            allowMissingUndo.managedProperty().bind(allowMissingUndo.visibleProperty());
        }
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        ButtonType go = new ButtonType(next, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        Button goButton = (Button) getDialogPane().lookupButton(go);
        goButton.setId("migration-choice-next");
        goButton.getStyleClass().add("accent");
        goButton.disableProperty().bind(versions.valueProperty().isNull());
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("migration-choice-cancel");
        setResultConverter(button -> button == go && versions.getValue() != null
                ? new Answer(versions.getValue(), askAboutUndo && allowMissingUndo.isSelected()) : null);
    }

    /** Asks for the version to roll back to; the newest target (one step back) is preselected. */
    static Optional<Answer> rollback(Window owner, String cluster, List<MigrationOffers.Choice> targets) {
        return new MigrationChoiceDialog(owner, "roll back migrations", "Roll back " + cluster + " to which version?",
                "Versions above the one you choose are undone, newest first, each with its U-script in one guarded "
                        + "transaction. The next window shows the plan, the prechecks with a dry run, and asks you to "
                        + "type the cluster name before anything runs.",
                "Plan the rollback…", targets, targets.get(0), false).showAndWait();
    }

    /** Asks how far to apply; every pending version is preselected. */
    static Optional<Answer> apply(Window owner, String cluster, List<MigrationOffers.Choice> targets) {
        return new MigrationChoiceDialog(owner, "apply migrations", "Apply pending migrations on " + cluster
                        + " up to which version?",
                "Pending versions up to the one you choose are applied, oldest first, each in one guarded "
                        + "transaction with its history row. The next window shows the plan and the prechecks, with "
                        + "a dry run, before anything runs.",
                "Plan the apply…", targets, targets.get(targets.size() - 1), true).showAndWait();
    }
}
