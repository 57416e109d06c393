package dev.vigil.ui.charts;

import javafx.geometry.Insets;
import javafx.scene.layout.StackPane;

/** A chart on a card of its own: the one look every chart in the console has. */
public final class ChartCard {
    private ChartCard() {}

    public static StackPane of(TimeChart chart, double height) {
        StackPane card = new StackPane(chart);
        card.getStyleClass().add("chart-card");
        card.setPadding(new Insets(6, 6, 4, 6));
        card.setPrefHeight(height);
        card.setMinHeight(height);
        chart.setMinSize(0, 0);
        return card;
    }
}
