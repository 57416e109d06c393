package dev.vigil.ui.charts;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/** A table cell that draws its {@code double[]} as a {@link Sparkline}; one sparkline per cell, reused. */
public final class SparklineTableCell<S> extends TableCell<S, double[]> {
    private final Sparkline sparkline = new Sparkline();

    public SparklineTableCell() {
        getStyleClass().add("sparkline-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        sparkline.setMaxSize(Double.MAX_VALUE, 20);
    }

    /** For {@code column.setCellFactory(SparklineTableCell.forTableColumn())}. */
    public static <S> Callback<TableColumn<S, double[]>, TableCell<S, double[]>> forTableColumn() {
        return column -> new SparklineTableCell<>();
    }

    @Override
    protected void updateItem(double[] item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
        } else {
            sparkline.setValues(item);
            setGraphic(sparkline);
        }
    }

    Sparkline sparkline() {
        return sparkline;
    }
}
