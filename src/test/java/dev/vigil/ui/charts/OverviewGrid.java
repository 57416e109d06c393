package dev.vigil.ui.charts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;

/** The five charts of the Overview in a grid of cards, as the Overview view lays them out; for the tests. */
final class OverviewGrid extends GridPane {
    final TimeChart tps = TimeChart.line("Transactions", Scale.of("transactions/s", ValueFormat.PLAIN));
    final TimeChart sessions = TimeChart.line("Sessions", Scale.of("sessions", ValueFormat.PLAIN));
    final TimeChart waits = TimeChart.stackedArea("Active sessions by wait class",
            Scale.of("active sessions", ValueFormat.PLAIN));
    final TimeChart hitRatio = TimeChart.line("Cache hit ratio",
            Scale.of("hit ratio", ValueFormat.PERCENT).nearCeiling(1.0, 0, 0.5, 0.8, 0.9));
    final TimeChart lag = TimeChart.line("Replication lag", Scale.of("replay lag (bytes)", ValueFormat.BYTES),
            Scale.of("replay lag (time)", ValueFormat.SECONDS));

    OverviewGrid() {
        setHgap(12);
        setVgap(12);
        setPadding(new Insets(16));
        setStyle("-fx-background-color: -color-bg-default;");
        getColumnConstraints().addAll(column(), column());
        add(card(tps), 0, 0);
        add(card(sessions), 1, 0);
        add(card(waits), 0, 1, 2, 1);
        add(card(hitRatio), 0, 2);
        add(card(lag), 1, 2);
        for (int r = 0; r < 3; r++) {
            RowConstraints row = new RowConstraints();
            row.setVgrow(Priority.ALWAYS);
            row.setFillHeight(true);
            getRowConstraints().add(row);
        }
    }

    List<TimeChart> charts() {
        return List.of(tps, sessions, waits, hitRatio, lag);
    }

    void update(SyntheticHistory h, Instant end, Duration range) {
        tps.update(SyntheticHistory.points(h.tps), end, range);
        sessions.setLimit("max_connections", 100);
        sessions.update(SyntheticHistory.points(h.sessions), end, range);
        waits.update(SyntheticHistory.points(h.waits), end, range);
        hitRatio.update(Map.of("hit ratio", h.hitRatio.points()), end, range);
        lag.update(SyntheticHistory.points(h.lagBytes), SyntheticHistory.points(h.lagSeconds), end, range);
    }

    private static ColumnConstraints column() {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(50);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static StackPane card(TimeChart chart) {
        StackPane card = new StackPane(chart);
        card.setPadding(new Insets(6, 6, 4, 6));
        card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 8; "
                + "-fx-border-color: -color-border-default; -fx-border-radius: 8;");
        chart.setMinSize(0, 0);
        return card;
    }
}
