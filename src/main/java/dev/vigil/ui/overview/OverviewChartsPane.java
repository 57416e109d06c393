package dev.vigil.ui.overview;

import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.database.DatabaseWindow;
import dev.vigil.monitor.history.ClusterHistory;
import dev.vigil.ui.charts.ChartCard;
import dev.vigil.ui.charts.ChartRedraw;
import dev.vigil.ui.charts.ChartSeries;
import dev.vigil.ui.charts.ChartWindow;
import dev.vigil.ui.charts.Scale;
import dev.vigil.ui.charts.TimeChart;
import dev.vigil.ui.charts.ValueFormat;
import dev.vigil.ui.common.ClusterViewModel;
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
public final class OverviewChartsPane implements OverviewView.OverviewCharts {
    private final TimeChart tps = TimeChart.line("Transactions (Vigil's own left out)",
            Scale.of("tx/s (" + DatabaseWindow.DEFAULT_SPAN.toSeconds() + " s avg)", ValueFormat.PLAIN));
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
    private final ChartRedraw redraw = new ChartRedraw();

    public OverviewChartsPane(Supplier<Duration> range) {
        this.range = range;
        heading.getStyleClass().add("pane-title");
        heading.setId("overview-charts-heading");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.getColumnConstraints().addAll(half(), half());
        grid.add(ChartCard.of(tps, 240), 0, 0);
        grid.add(ChartCard.of(sessions, 240), 1, 0);
        grid.add(ChartCard.of(waits, 280), 0, 1, 2, 1);
        grid.add(ChartCard.of(hitRatio, 240), 0, 2);
        grid.add(ChartCard.of(lag, 240), 1, 2);
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
        heading.setText(node + " (" + shown.status().role().name().toLowerCase() + "), last "
                + (window.toMinutes() >= 60 ? window.toHours() + " h" : window.toMinutes() + " min"));
        var end = cluster.sample().at();
        if (!redraw.due(node, window, end)) {
            return;
        }
        long since = ChartWindow.since(end, window);
        tps.update(ChartSeries.transactions(h, node, since), end, window);
        ChartSeries.maxConnections(h, node, since).ifPresentOrElse(m -> sessions.setLimit("max_connections", m),
                sessions::clearLimit);
        sessions.update(ChartSeries.sessions(h, node, since), end, window);
        waits.update(ChartSeries.waitProfile(h, node, since), end, window);
        hitRatio.update(ChartSeries.hitRatio(h, node, since), end, window);
        if (shown.status().inRecovery()) {
            // A standby: its lag as its own upstream reports it (bytes), and its own replay delay (time).
            String upstream = shown.status().upstreamAddress().map(a -> cluster.status().nodeNameFor(a)).orElse("");
            var bytes = ChartSeries.replayLagBytes(h, upstream, since);
            bytes.keySet().retainAll(java.util.Set.of(node));
            lag.update(bytes, ChartSeries.replayDelay(h, node, since), end, window);
        } else {
            lag.update(ChartSeries.replayLagBytes(h, node, since), ChartSeries.replayLagSeconds(h, node, since), end, window);
        }
    }

    private static ColumnConstraints half() {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(50);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

}
