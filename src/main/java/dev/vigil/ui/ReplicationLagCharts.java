package dev.vigil.ui;

import dev.vigil.ui.charts.Scale;
import dev.vigil.ui.charts.TimeChart;
import dev.vigil.ui.charts.ValueFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One chart per standby: how far its write, flush and replay positions trail its upstream, in bytes. */
final class ReplicationLagCharts implements ReplicationView.LagCharts {
    private final Map<String, TimeChart> charts = new LinkedHashMap<>();
    private final GridPane tiles = new GridPane();
    private final VBox box;
    private final Supplier<Duration> range;

    ReplicationLagCharts(Supplier<Duration> range) {
        this.range = range;
        Label title = new Label("Lag per standby: write, flush and replay, as the upstream sees them");
        title.getStyleClass().add("pane-title");
        tiles.setHgap(12);
        tiles.setVgap(12);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(half);
        }
        box = new VBox(8, title, tiles);
        box.setId("lag-charts");
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public void refresh(ClusterViewModel cluster, ReplicationTopology topology) {
        List<ReplicationTopology.Link> links = topology.links().stream().filter(l -> !l.upstream().isEmpty()).toList();
        charts.keySet().retainAll(links.stream().map(ReplicationTopology.Link::standby).toList());
        for (ReplicationTopology.Link link : links) {
            TimeChart chart = charts.computeIfAbsent(link.standby(), s -> TimeChart.line(s + " behind " + link.upstream(),
                    Scale.of("lag (bytes)", ValueFormat.BYTES)));
            chart.setId("lag-chart-" + link.standby());
            chart.update(ChartSeries.stages(cluster.history(), link.upstream(), link.standby()), cluster.sample().at(),
                    range.get());
        }
        if (tiles.getChildren().size() != charts.size()) {
            tiles.getChildren().clear();
            int i = 0;
            for (TimeChart chart : charts.values()) {
                tiles.add(card(chart), i % 2, i / 2);
                i++;
            }
        }
    }

    private static StackPane card(TimeChart chart) {
        StackPane card = new StackPane(chart);
        card.getStyleClass().add("chart-card");
        card.setPadding(new Insets(6, 6, 4, 6));
        card.setPrefHeight(230);
        card.setMinHeight(230);
        chart.setMinSize(0, 0);
        return card;
    }
}
