package dev.vigil.ui.locks;

import dev.vigil.ui.charts.ChartCard;
import dev.vigil.ui.charts.ChartSeries;
import dev.vigil.ui.charts.ChartWindow;
import dev.vigil.ui.charts.Scale;
import dev.vigil.ui.charts.TimeChart;
import dev.vigil.ui.charts.ValueFormat;
import dev.vigil.ui.common.ClusterViewModel;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** Sessions waiting on a lock over time, under the wait-for graph: did the pile-up start now or an hour ago? */
public final class LockHistoryChart implements LocksView.LockHistory {
    private final TimeChart chart = TimeChart.line("Sessions waiting on a lock", Scale.of("sessions", ValueFormat.PLAIN));
    private final StackPane card = ChartCard.of(chart, 150);
    private final Supplier<Duration> range;

    public LockHistoryChart(Supplier<Duration> range) {
        this.range = range;
        chart.setId("lock-history");
    }

    @Override
    public Node node() {
        return card;
    }

    @Override
    public void refresh(ClusterViewModel cluster, String node) {
        long since = ChartWindow.since(cluster.sample().at(), range.get());
        chart.update(ChartSeries.blocked(cluster.history(), node, since), cluster.sample().at(), range.get());
    }
}
