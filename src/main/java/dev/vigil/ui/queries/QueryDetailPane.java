package dev.vigil.ui.queries;

import dev.vigil.monitor.history.Series;
import dev.vigil.ui.charts.ChartCard;
import dev.vigil.ui.charts.Scale;
import dev.vigil.ui.charts.TimeChart;
import dev.vigil.ui.charts.ValueFormat;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.ViewParts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Queries view's lower half: the selected query's normalized text and history on the left, EXPLAIN of a
 * representative statement on the right.
 */
public final class QueryDetailPane implements QueriesView.QueryDetail {
    private final NodeExplainService service = new NodeExplainService();
    private final ExplainViewModel explain;
    private final TextArea text = new TextArea();
    private final TimeChart history = TimeChart.line("This query over time", Scale.of("execution time (ms/s)", ValueFormat.PLAIN));
    private final SplitPane split;
    private final Supplier<Duration> range;
    private long shownId = Long.MIN_VALUE;

    public QueryDetailPane(TaskExecutor tasks, Supplier<Duration> range) {
        this.range = range;
        explain = new ExplainViewModel(tasks, service);
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("sql-text");
        text.setPrefRowCount(5);
        text.setId("query-text");
        text.setPromptText("Select a query above.");
        StackPane chartCard = ChartCard.of(history, 170);
        VBox left = new VBox(8, ViewParts.paneTitle("Normalized query"), text, chartCard);
        VBox.setVgrow(chartCard, Priority.ALWAYS);
        ExplainPane pane = new ExplainPane(explain);
        VBox right = new VBox(8, ViewParts.paneTitle("EXPLAIN a representative statement ($1… needs PostgreSQL 16+, else put values in)"), pane);
        VBox.setVgrow(pane, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 10));
        left.setPadding(new Insets(0, 10, 0, 0));
        split = new SplitPane(left, right);
        split.setDividerPositions(0.4);
    }

    @Override
    public Node node() {
        return split;
    }

    @Override
    public void show(ClusterViewModel cluster, String node, Optional<QueryRow> row) {
        cluster.sample().node(node).ifPresent(n -> cluster.definition().nodes().stream()
                .filter(e -> e.name().equals(node)).findFirst()
                .ifPresent(endpoint -> service.target(cluster.definition(), endpoint, n.status().versionNum())));
        long id = row.map(QueryRow::queryId).orElse(Long.MIN_VALUE);
        if (id != shownId) {
            // A new query (or none): its text, and no plan of the previous one. Same query: the operator may be
            // editing the text into a representative statement, so it is left alone.
            shownId = id;
            text.setText(row.map(QueryRow::text).orElse(""));
            explain.reset(row.map(QueryRow::text).orElse(""));
        }
        history.update(row.map(r -> Map.<String, Series.Points>of("total ms/s", r.history())).orElse(Map.of()),
                cluster.sample().at(), range.get());
    }
}
