package dev.vigil.ui.overview;

import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.LiveView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The cluster (or node) at a glance: node cards, then the live charts over the chosen time range. */
public final class OverviewView extends ScrollPane implements LiveView {
    private final NodeCardsView cards = new NodeCardsView();
    private final OverviewCharts charts;

    /** The chart grid; refreshed with the view, from the cluster's history. */
    interface OverviewCharts {
        Node node();

        void refresh(ClusterViewModel cluster, String node);
    }

    public OverviewView(OverviewCharts charts) {
        this.charts = charts;
        VBox content = new VBox(18, cards, charts.node());
        content.setPadding(new Insets(18, 22, 18, 22));
        setContent(content);
        setFitToWidth(true);
        getStyleClass().addAll("overview-scroll", "view-scroll");
        setId("overview-view");
    }

    @Override
    public ConsoleView kind() {
        return ConsoleView.OVERVIEW;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void refresh(ClusterViewModel cluster, String node) {
        cards.show(cluster.status());
        charts.refresh(cluster, node);
    }
}
