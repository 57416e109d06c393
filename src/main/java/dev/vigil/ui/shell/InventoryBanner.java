package dev.vigil.ui.shell;

import dev.vigil.cluster.InventoryProblem;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The configuration's problems in plain sight, under the header: one line per problem as {@code file:line:
 * message}, red, with a button that reloads {@code clusters.yaml} (the window also reloads it when it changes).
 * Hidden when there is none.
 */
final class InventoryBanner extends VBox {
    private final Label title = new Label();
    private final VBox lines = new VBox(2);

    InventoryBanner(MainViewModel vm) {
        setId("inventory-banner");
        getStyleClass().add("inventory-banner");
        setSpacing(4);
        title.setId("inventory-banner-title");
        title.getStyleClass().add("inventory-banner-title");
        Button reload = new Button("Reload clusters.yaml");
        reload.setId("inventory-reload");
        reload.setTooltip(new Tooltip("Read the configuration again (it is also read again when the file changes)"));
        reload.setOnAction(e -> vm.reloadInventory());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, title, spacer, reload);
        head.setAlignment(Pos.CENTER_LEFT);
        lines.setId("inventory-problems");
        getChildren().addAll(head, lines);
        vm.inventoryProblems().addListener((ListChangeListener<InventoryProblem>) c -> show(vm.inventoryProblems()));
        show(vm.inventoryProblems());
    }

    private void show(List<InventoryProblem> problems) {
        setVisible(!problems.isEmpty());
        setManaged(!problems.isEmpty());
        long errors = problems.stream().filter(p -> p.severity() == InventoryProblem.Severity.ERROR).count();
        title.setText(problems.size() + " inventory problem" + (problems.size() == 1 ? "" : "s")
                + (errors > 0 ? ": what they name is not watched" : "") + ". Fix the file; it is read again when saved.");
        lines.getChildren().setAll(problems.stream().map(p -> {
            Label line = new Label(p.toString());
            line.getStyleClass().add("inventory-problem");
            line.setWrapText(true);
            return line;
        }).toList());
    }
}
