package dev.vigil.ui.replication;

import dev.vigil.ui.charts.ChartCard;
import dev.vigil.ui.charts.ChartSeries;
import dev.vigil.ui.charts.ChartWindow;
import dev.vigil.ui.charts.Scale;
import dev.vigil.ui.charts.TimeChart;
import dev.vigil.ui.charts.ValueFormat;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ReplicationTopology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One chart per standby: how far its write, flush and replay positions trail its upstream, in bytes. */
public final class ReplicationLagCharts implements ReplicationView.LagCharts {
    private final Map<String, TimeChart> charts = new LinkedHashMap<>();
    private final GridPane tiles = new GridPane();
    private final Label empty = new Label("No standby is streaming: there is no lag to chart.");
    private final VBox box;
    private final Supplier<Duration> range;

    public ReplicationLagCharts(Supplier<Duration> range) {
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
        empty.getStyleClass().add("placeholder-text");
        box = new VBox(8, title, empty, tiles);
        box.setId("lag-charts");
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public void refresh(ClusterViewModel cluster, ReplicationTopology topology) {
        List<ReplicationTopology.Link> links = topology.links().stream().filter(l -> !l.upstream().isEmpty()).toList();
        // Keyed by upstream and standby: another cluster, or a standby that now follows another node, gets a new chart.
        List<String> keys = links.stream().map(l -> cluster.name() + "|" + l.upstream() + "|" + l.standby()).toList();
        boolean changed = !keys.equals(List.copyOf(charts.keySet()));
        charts.keySet().retainAll(keys);
        long since = ChartWindow.since(cluster.sample().at(), range.get());
        for (int i = 0; i < links.size(); i++) {
            ReplicationTopology.Link link = links.get(i);
            TimeChart chart = charts.computeIfAbsent(keys.get(i), k -> TimeChart.line(link.standby() + " behind "
                    + link.upstream(), Scale.of("lag (bytes)", ValueFormat.BYTES)));
            chart.setId("lag-chart-" + link.standby());
            chart.update(ChartSeries.stages(cluster.history(), link.upstream(), link.standby(), since),
                    cluster.sample().at(), range.get());
        }
        if (changed) {
            tiles.getChildren().clear();
            int i = 0;
            for (String key : keys) {
                tiles.add(ChartCard.of(charts.get(key), 230), i % 2, i / 2);
                i++;
            }
        }
        empty.setVisible(links.isEmpty());
        empty.setManaged(links.isEmpty());
    }

}
