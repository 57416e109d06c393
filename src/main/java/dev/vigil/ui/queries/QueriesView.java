package dev.vigil.ui.queries;

import dev.vigil.ui.charts.SparklineTableCell;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.LiveView;
import dev.vigil.ui.common.SelfToggle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The top statements of the shown node with per-interval rates, sortable and filterable, a trend per row, and
 * the selected query's full text, history and EXPLAIN.
 */
public final class QueriesView extends BorderPane implements LiveView {
    private final QueriesViewModel vm;
    private final TableView<QueryRow> table = new TableView<>();
    private final QueryDetail detail;
    private Long selectedId;

    /** The detail pane's parts that come from elsewhere: history chart and EXPLAIN. */
    interface QueryDetail {
        Node node();

        void show(ClusterViewModel cluster, String node, Optional<QueryRow> row);
    }

    public QueriesView(QueriesViewModel vm, QueryDetail detail, javafx.beans.property.BooleanProperty showVigil) {
        this.vm = vm;
        this.detail = detail;
        vm.includeSelfProperty().bind(showVigil);
        getStyleClass().add("console-view");
        setId("queries-view");
        SortedList<QueryRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("queries-table");
        table.setPlaceholder(new Label("No statement ran in the last interval (or pg_stat_statements is not read yet)."));
        TableColumn<QueryRow, Double> total = number("total ms/s", 105, r -> r.rate().totalMillisPerSecond(), "%.1f");
        table.getColumns().setAll(List.of(
                number("calls/s", 80, r -> r.rate().callsPerSecond(), "%.1f"),
                total,
                number("mean ms", 85, r -> r.rate().meanMillis().orElse(Double.NaN), "%.2f"),
                number("rows/s", 80, r -> r.rate().rowsPerSecond(), "%.1f"),
                number("hit %", 70, r -> r.rate().hitRatio().map(h -> h * 100).orElse(Double.NaN), "%.1f"),
                number("temp blk/s", 100, r -> r.rate().tempBlocksPerSecond(), "%.1f"),
                trend(),
                textColumn()));
        total.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(total));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        TextField filter = new TextField();
        filter.setPromptText("filter by query text or id");
        filter.setPrefColumnCount(30);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("view-summary");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, SelfToggle.boundTo(showVigil), spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        setTop(bar);

        VBox lower = new VBox(detail.node());
        VBox.setVgrow(detail.node(), Priority.ALWAYS);
        lower.setPadding(new Insets(10, 0, 0, 0));
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        setCenter(split);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                selectedId = row.queryId();
            }
        });
    }

    private static TableColumn<QueryRow, Double> number(String title, double width, Function<QueryRow, Double> value,
                                                       String format) {
        TableColumn<QueryRow, Double> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator((a, b) -> Double.compare(Double.isNaN(a) ? -1 : a, Double.isNaN(b) ? -1 : b));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || v.isNaN() ? "" : String.format(Locale.ROOT, format, v));
            }
        });
        column.getStyleClass().add("numeric");
        return column;
    }

    private static TableColumn<QueryRow, double[]> trend() {
        TableColumn<QueryRow, double[]> column = new TableColumn<>("trend (ms/s)");
        column.setPrefWidth(110);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().trend()));
        column.setCellFactory(SparklineTableCell.forTableColumn());
        return column;
    }

    private static TableColumn<QueryRow, String> textColumn() {
        TableColumn<QueryRow, String> column = new TableColumn<>("query");
        column.setPrefWidth(640);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().oneLine()));
        return column;
    }

    @Override
    public ConsoleView kind() {
        return ConsoleView.QUERIES;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void observe(ClusterViewModel cluster, String node) {
        String before = vm.node();
        cluster.focus(node).ifPresent(vm::update);
        if (!before.equals(vm.node())) {
            selectedId = null; // another node: its query ids mean other queries
        }
    }

    @Override
    public void refresh(ClusterViewModel cluster, String node) {
        observe(cluster, node);
        if (selectedId != null) {
            table.getItems().stream().filter(r -> r.queryId() == selectedId).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
        detail.show(cluster, vm.node(), selectedId == null ? Optional.empty() : vm.row(selectedId));
    }
}
