package dev.vigil.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.GridPane;

/** The small pieces every console view is built from, so they look and behave the same in each. */
public final class ViewParts {
    private ViewParts() {}

    /** A read-only table column showing what {@code value} derives from a row. */
    public static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    public static Label paneTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pane-title");
        return label;
    }

    /** Adds a "name: value" row to a details grid and returns the next row. */
    public static int fact(GridPane facts, int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setWrapText(true);
        facts.addRow(row, n, v);
        return row + 1;
    }

    /** A tooltip that wraps long explanations (why an action is greyed) instead of running off the screen. */
    public static javafx.scene.control.Tooltip wideTooltip(String text) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        return tip;
    }
}
