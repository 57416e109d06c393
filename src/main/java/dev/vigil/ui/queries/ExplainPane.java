package dev.vigil.ui.queries;

import atlantafx.base.theme.Styles;
import dev.vigil.ops.explain.ClassifiedStatement;
import dev.vigil.ops.explain.PlanNode;
import dev.vigil.ops.explain.QueryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Queries view's EXPLAIN: the query text (the caller prefills the normalized text), Explain and Explain
 * analyze, and the plan as a tree with estimates and actuals. The node that costs most is highlighted, and row
 * estimates ten times off are flagged.
 */
public final class ExplainPane extends VBox {
    private static final PseudoClass HOTTEST = PseudoClass.getPseudoClass("hottest");
    private static final double NUMBER_COLUMNS_WIDTH = 100 + 92 + 156 + 84 + 84 + 64;

    private final ExplainViewModel vm;
    private final TextArea query = new TextArea();
    private final TreeTableView<PlanNode> tree = new TreeTableView<>();
    private final VBox details = new VBox(6);

    public ExplainPane(ExplainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("explain-pane");
        getStylesheets().add(ExplainPane.class.getResource("/dev/vigil/ui/explain.css").toExternalForm());

        query.setId("explain-query");
        query.getStyleClass().add("explain-query");
        query.setPrefRowCount(4);
        query.setMinHeight(Region.USE_PREF_SIZE); // the plan tree gives way when the details grow
        query.setWrapText(true);
        query.setPromptText("A representative query; $1 placeholders are planned generically on PostgreSQL 16+");
        query.textProperty().bindBidirectional(vm.queryProperty());

        Button explain = new Button("Explain");
        explain.setId("explain-button");
        explain.setDefaultButton(true);
        explain.setOnAction(e -> vm.explain());
        Button analyze = new Button("Explain analyze (rolled back)");
        analyze.setId("explain-analyze-button");
        analyze.setOnAction(e -> vm.explainAnalyze(this::confirmWrite));
        explain.disableProperty().bind(vm.runningProperty());
        analyze.disableProperty().bind(vm.runningProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.runningProperty());
        Label hint = new Label();
        hint.setId("explain-hint");
        hint.getStyleClass().add("explain-hint");
        hint.textProperty().bind(vm.statementHintProperty());
        hint.setMinWidth(0);
        explain.setMinWidth(Region.USE_PREF_SIZE); // the hint beside them gives way, never the button labels
        analyze.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, explain, analyze, progress, hint);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("explain-summary");
        summary.getStyleClass().add("explain-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.setId("explain-error");
        error.getStyleClass().add("explain-error");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        buildTree();
        details.setId("plan-details");
        details.getStyleClass().add("plan-details");
        details.visibleProperty().bind(vm.planProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(query, actions, summary, error, tree, details);

        vm.planProperty().addListener((o, was, plan) -> show(plan));
        vm.hottestProperty().addListener((o, was, now) -> {
            tree.refresh();
            showDetails(selectedOrHottest());
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showDetails(selectedOrHottest()));
    }

    private void buildTree() {
        tree.setId("plan-tree");
        tree.getStyleClass().addAll("plan-tree", Styles.DENSE);
        tree.setShowRoot(true);
        tree.setPlaceholder(new Label("Explain a query to see its plan."));
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(PlanNode node, boolean empty) {
                super.updateItem(node, empty);
                pseudoClassStateChanged(HOTTEST, !empty && node != null && node == vm.hottestProperty().get());
            }
        });

        TreeTableColumn<PlanNode, PlanNode> name = new TreeTableColumn<>("Node");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        name.setCellFactory(c -> new NodeCell());
        name.prefWidthProperty().bind(tree.widthProperty().subtract(NUMBER_COLUMNS_WIDTH + 20).map(w ->
                Math.max(320, w.doubleValue())));
        name.setSortable(false);
        tree.getColumns().add(name);
        tree.getColumns().add(number("Est. cost", 100, n -> ExplainFormat.cost(n.totalCost()),
                n -> "cost " + ExplainFormat.cost(n.startupCost()) + " .. " + ExplainFormat.cost(n.totalCost())
                        + " (startup .. total), per loop"));
        tree.getColumns().add(number("Est. rows", 92, n -> ExplainFormat.rows(n.planRows()),
                n -> "rows the planner expected per loop"));
        tree.getColumns().add(number("Actual rows", 156, ExplainFormat::actualRows,
                n -> n.isMisestimated() ? ExplainFormat.misestimateExplanation(n) : "rows per loop",
                PlanNode::isMisestimated));
        tree.getColumns().add(number("Time ms", 84, n -> ExplainFormat.ms(n.inclusiveMs()),
                n -> "this node and below, over all loops"));
        tree.getColumns().add(number("Self ms", 84, n -> ExplainFormat.ms(n.exclusiveMs()),
                n -> "this node alone: its time less its children's"));
        tree.getColumns().add(number("Loops", 64, n -> n.actual().map(a -> ExplainFormat.rows(a.loops()))
                .orElse(ExplainFormat.NONE), n -> "how often the node ran"));
    }

    private static TreeTableColumn<PlanNode, PlanNode> number(String title, double width,
                                                              Function<PlanNode, String> text,
                                                              Function<PlanNode, String> tooltip) {
        return number(title, width, text, tooltip, n -> false);
    }

    private static TreeTableColumn<PlanNode, PlanNode> number(String title, double width,
                                                              Function<PlanNode, String> text,
                                                              Function<PlanNode, String> tooltip,
                                                              Predicate<PlanNode> alarming) {
        TreeTableColumn<PlanNode, PlanNode> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(PlanNode node, boolean empty) {
                super.updateItem(node, empty);
                getStyleClass().removeAll("plan-misestimate", "plan-muted");
                if (empty || node == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(node));
                setTooltip(new Tooltip(tooltip.apply(node)));
                if (alarming.test(node)) {
                    getStyleClass().add("plan-misestimate");
                } else if (getText().equals(ExplainFormat.NONE)) {
                    getStyleClass().add("plan-muted");
                }
            }
        });
        column.getStyleClass().add("number-cell");
        return column;
    }

    /** "[SubPlan 1] Index Only Scan using order_items_pkey on order_items i [slowest]". */
    private final class NodeCell extends TreeTableCell<PlanNode, PlanNode> {
        @Override
        protected void updateItem(PlanNode node, boolean empty) {
            super.updateItem(node, empty);
            setText(null);
            if (empty || node == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            HBox line = new HBox(4);
            line.setAlignment(Pos.CENTER_LEFT);
            node.subplanName().ifPresent(s -> line.getChildren().add(styled(s, "plan-node-subplan")));
            line.getChildren().add(styled(node.name(), "plan-node-name"));
            String target = node.title().substring(node.name().length()).strip();
            if (!target.isEmpty()) {
                Label shrinkable = styled(target, "plan-node-target");
                shrinkable.setMinWidth(0); // in a narrow column the target gives way, not the name or the badge
                line.getChildren().add(shrinkable);
            }
            if (node == vm.hottestProperty().get()) {
                line.getChildren().add(styled(node.wasAnalyzed() ? "slowest" : "costliest", "plan-badge"));
            }
            setGraphic(line);
            setTooltip(new Tooltip(String.join("\n", detailLines(node))));
        }
    }

    private static Label styled(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void show(QueryPlan plan) {
        tree.getSelectionModel().clearSelection();
        tree.setRoot(plan == null ? null : item(plan.root()));
        showDetails(selectedOrHottest());
    }

    private static TreeItem<PlanNode> item(PlanNode node) {
        TreeItem<PlanNode> item = new TreeItem<>(node);
        item.setExpanded(true);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }

    private PlanNode selectedOrHottest() {
        TreeItem<PlanNode> selected = tree.getSelectionModel().getSelectedItem();
        if (selected != null) {
            return selected.getValue();
        }
        if (vm.hottestProperty().get() != null) {
            return vm.hottestProperty().get();
        }
        return tree.getRoot() == null ? null : tree.getRoot().getValue();
    }

    private void showDetails(PlanNode node) {
        details.getChildren().clear();
        if (node == null) {
            return;
        }
        Label title = new Label(node.title() + (node == vm.hottestProperty().get()
                ? (node.wasAnalyzed() ? "  ·  most time spent here" : "  ·  largest share of the estimated cost")
                : ""));
        title.getStyleClass().add("plan-details-title");
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(3);
        int row = 0;
        for (Map.Entry<String, String> fact : facts(node).entrySet()) {
            Label key = new Label(fact.getKey());
            key.getStyleClass().add("plan-details-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(fact.getValue());
            value.getStyleClass().add("plan-details-value");
            value.setWrapText(true);
            facts.addRow(row++, key, value);
        }
        details.getChildren().addAll(title, facts);
    }

    private static List<String> detailLines(PlanNode node) {
        List<String> lines = new ArrayList<>();
        facts(node).forEach((k, v) -> lines.add(k + ": " + v));
        return lines;
    }

    private static Map<String, String> facts(PlanNode node) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("Estimate", "cost " + ExplainFormat.cost(node.startupCost()) + " .. "
                + ExplainFormat.cost(node.totalCost()) + ", " + ExplainFormat.rows(node.planRows()) + " rows of "
                + node.planWidth() + " bytes, per loop");
        node.actual().ifPresent(a -> facts.put("Actual", a.loops() == 0 ? "never executed"
                : ExplainFormat.ms(a.startupMs()) + " .. " + ExplainFormat.ms(a.totalMs()) + " ms, "
                + ExplainFormat.rows(a.rows()) + " rows, per loop × " + ExplainFormat.rows(a.loops()) + " loops"));
        if (node.isMisestimated()) {
            facts.put("Row estimate", ExplainFormat.misestimateExplanation(node));
        }
        node.buffers().ifPresent(b -> facts.put("Shared buffers", String.format(Locale.ROOT,
                "%,d hit, %,d read", b.sharedHit(), b.sharedRead())));
        node.details().forEach((key, value) -> facts.put(key, value.matches("\\d{4,}")
                ? ExplainFormat.rows(Double.parseDouble(value)) : value));
        return facts;
    }

    /** The operator's go-ahead for running a writing statement; Cancel is the default button. */
    private boolean confirmWrite(ClassifiedStatement statement) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(getStylesheets());
        }
        alert.setTitle("Explain analyze a writing statement");
        alert.setHeaderText("Run a writing statement, then roll it back?");
        Label consequence = new Label(statement.reason() + " EXPLAIN ANALYZE executes it, inside a transaction that "
                + "Vigil always rolls back: "
                + "its changes are undone. While it runs it holds the locks it takes, and sequence values it draws "
                + "are not given back.");
        consequence.setWrapText(true);
        Label text = new Label(abbreviate(statement.statement(), 600));
        text.getStyleClass().add("explain-confirm-statement");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        VBox content = new VBox(10, consequence, text);
        content.setPrefWidth(520);
        alert.getDialogPane().setContent(content);
        ButtonType run = new ButtonType("Analyze and roll back", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, run);
        Button runButton = (Button) alert.getDialogPane().lookupButton(run);
        runButton.setDefaultButton(false);
        runButton.setId("explain-confirm-run");
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(run::equals).isPresent();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + " …";
    }
}
