package dev.vigil.ui;

import dev.vigil.monitor.ClusterHistory;
import dev.vigil.monitor.NodeSample;
import dev.vigil.ui.charts.Scale;
import dev.vigil.ui.charts.TimeChart;
import dev.vigil.ui.charts.ValueFormat;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Overview's five live charts for the shown node (a cluster shows its primary): transactions, sessions
 * against max_connections, the wait-event profile, cache hit ratio, and replication lag per standby.
 */
final class OverviewChartsPane implements OverviewView.OverviewCharts {
    private final TimeChart tps = TimeChart.line("Transactions", Scale.of("transactions/s", ValueFormat.PLAIN));
    private final TimeChart sessions = TimeChart.line("Sessions", Scale.of("sessions", ValueFormat.PLAIN));
    private final TimeChart waits = TimeChart.stackedArea("Active sessions by wait class",
            Scale.of("active sessions", ValueFormat.PLAIN));
    private final TimeChart hitRatio = TimeChart.line("Cache hit ratio",
            Scale.of("hit ratio", ValueFormat.PERCENT).nearCeiling(1.0, 0, 0.5, 0.8, 0.9));
    private final TimeChart lag = TimeChart.line("Replication lag per standby",
            Scale.of("replay lag (bytes)", ValueFormat.BYTES), Scale.of("replay lag (time)", ValueFormat.SECONDS));
    private final Label heading = new Label();
    private final VBox box;
    private final Supplier<Duration> range;

    OverviewChartsPane(Supplier<Duration> range) {
        this.range = range;
        heading.getStyleClass().add("pane-title");
        heading.setId("overview-charts-heading");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.getColumnConstraints().addAll(half(), half());
        grid.add(card(tps, 240), 0, 0);
        grid.add(card(sessions, 240), 1, 0);
        grid.add(card(waits, 280), 0, 1, 2, 1);
        grid.add(card(hitRatio, 240), 0, 2);
        grid.add(card(lag, 240), 1, 2);
        box = new VBox(10, heading, grid);
        box.setId("overview-charts");
    }

    List<TimeChart> charts() {
        return List.of(tps, sessions, waits, hitRatio, lag);
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public void refresh(ClusterViewModel cluster, String chosen) {
        NodeSample shown = cluster.focus(chosen).orElse(null);
        if (shown == null) {
            return;
        }
        String node = shown.node();
        ClusterHistory h = cluster.history();
        Duration window = range.get();
        heading.setText("Live: " + node + " (" + shown.status().role().name().toLowerCase() + "), last "
                + (window.toMinutes() >= 60 ? window.toHours() + " h" : window.toMinutes() + " min"));
        var end = cluster.sample().at();
        tps.update(ChartSeries.transactions(h, node), end, window);
        ChartSeries.maxConnections(h, node).ifPresentOrElse(m -> sessions.setLimit("max_connections", m),
                sessions::clearLimit);
        sessions.update(ChartSeries.sessions(h, node), end, window);
        waits.update(ChartSeries.waitProfile(h, node), end, window);
        hitRatio.update(ChartSeries.hitRatio(h, node), end, window);
        // Lag is the upstream's view of its standbys; from a standby, its own replay delay.
        boolean standby = shown.status().inRecovery();
        String source = standby ? cluster.focus(null).map(NodeSample::node).orElse(node) : node;
        var bytes = ChartSeries.replayLagBytes(h, source);
        var seconds = ChartSeries.replayLagSeconds(h, source);
        if (standby) {
            bytes.keySet().retainAll(java.util.Set.of(node));
            seconds.keySet().retainAll(java.util.Set.of(node));
        }
        lag.update(bytes, seconds, end, window);
    }

    private static ColumnConstraints half() {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(50);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static StackPane card(TimeChart chart, double height) {
        StackPane card = new StackPane(chart);
        card.getStyleClass().add("chart-card");
        card.setPadding(new Insets(6, 6, 4, 6));
        card.setPrefHeight(height);
        card.setMinHeight(height);
        chart.setMinSize(0, 0);
        return card;
    }
}
