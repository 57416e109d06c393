package dev.vigil.ui.sessions;

import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.HeldLocksLabel;
import dev.vigil.ui.common.LiveView;
import dev.vigil.ui.common.SelfToggle;
import dev.vigil.ui.common.SessionActions;
import dev.vigil.ui.common.SessionRow;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.ViewParts;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every backend of the shown node, filterable, coloured by what matters in an incident (waiting on a lock, idle
 * in transaction, long-running), with the selected session's details and cancel/terminate through the workflow.
 */
public final class SessionsView extends BorderPane implements LiveView {
    private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
    private static final PseudoClass IDLE_IN_TX = PseudoClass.getPseudoClass("idle-in-tx");
    private static final PseudoClass LONG_RUNNING = PseudoClass.getPseudoClass("long-running");
    private static final PseudoClass BLOCKER = PseudoClass.getPseudoClass("blocker");
    private final SessionsViewModel vm = new SessionsViewModel();
    private final TableView<SessionRow> table = new TableView<>();
    private final Label summary = new Label();
    private final TextArea query = new TextArea();
    private final GridPane facts = new GridPane();
    private final HeldLocksLabel heldLocks;
    private ClusterViewModel cluster;

    public SessionsView(SessionActions actions, TaskExecutor tasks, javafx.beans.property.BooleanProperty showVigil) {
        this.heldLocks = new HeldLocksLabel(tasks);
        vm.includeSelfProperty().bind(showVigil);
        getStyleClass().add("console-view");
        setId("sessions-view");
        HBox filters = filters();
        filters.getChildren().add(SelfToggle.boundTo(showVigil));
        setTop(new VBox(8, filters, summaryLine()));
        // Rows are replaced every tick; a sorted view keeps the operator's sort across ticks.
        javafx.collections.transformation.SortedList<SessionRow> sorted = new javafx.collections.transformation.SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("sessions-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(placeholder());
        table.getColumns().setAll(List.of(
                ViewParts.<SessionRow, Object>column("pid", 70, r -> r.pid()),
                ViewParts.column("user", 100, r -> r.activity().user()),
                ViewParts.column("database", 90, r -> r.activity().database()),
                ViewParts.column("application", 130, r -> r.activity().application()),
                ViewParts.column("client", 95, r -> r.activity().clientAddress()),
                ViewParts.column("state", 130, r -> r.activity().state()),
                ViewParts.column("wait", 190, SessionRow::waitText),
                ageColumn("xact age", 85, r -> r.activity().transactionAge()),
                ageColumn("query age", 95, r -> r.activity().queryAge()),
                ViewParts.column("blocked by", 100, r -> join(r.blockedBy())),
                ViewParts.column("query", 420, r -> Format.oneLine(r.activity().query()))));
        table.setRowFactory(t -> new ColouredRow());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        Button cancel = new Button("Cancel query…");
        cancel.setId("cancel-sessions");
        Button terminate = new Button("Terminate session…");
        terminate.setId("terminate-sessions");
        terminate.getStyleClass().add("danger");
        cancel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        terminate.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> actions.signal(getScene().getWindow(), cluster, vm.node(), selected(), false));
        terminate.setOnAction(e -> actions.signal(getScene().getWindow(), cluster, vm.node(), selected(), true));

        query.setEditable(false);
        query.setWrapText(true);
        query.getStyleClass().add("sql-text");
        query.setPrefRowCount(6);
        facts.getStyleClass().add("facts");
        facts.setHgap(12);
        facts.setVgap(4);
        Label detailsTitle = ViewParts.paneTitle("Selected session");
        HBox buttons = new HBox(8, cancel, terminate);
        VBox details = new VBox(10, detailsTitle, facts, query, buttons);
        details.getStyleClass().add("details-pane");
        details.setPadding(new Insets(12));
        VBox.setVgrow(query, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showDetails(row));
    }

    private HBox filters() {
        ChoiceBox<SessionFilter.State> state = new ChoiceBox<>();
        state.getItems().setAll(SessionFilter.State.values());
        state.setValue(SessionFilter.State.ANY);
        state.setPrefWidth(150);
        TextField user = prompt("user");
        TextField application = prompt("application");
        TextField database = prompt("database");
        CheckBox waiting = new CheckBox("waiting");
        waiting.setTooltip(new javafx.scene.control.Tooltip("Only sessions waiting on a lock"));
        Spinner<Integer> older = new Spinner<>(0, 86_400, 0, 5);
        older.setEditable(true);
        older.setPrefWidth(90);
        CheckBox background = new CheckBox("background");
        background.setTooltip(new javafx.scene.control.Tooltip("Also show background processes (autovacuum, walsender…)"));
        Runnable apply = () -> vm.filterProperty().set(new SessionFilter(state.getValue(), user.getText(),
                application.getText(), database.getText(), waiting.isSelected(),
                Duration.ofSeconds(older.getValue() == null ? 0 : older.getValue()), !background.isSelected()));
        state.valueProperty().addListener((o, a, b) -> apply.run());
        user.textProperty().addListener((o, a, b) -> apply.run());
        application.textProperty().addListener((o, a, b) -> apply.run());
        database.textProperty().addListener((o, a, b) -> apply.run());
        waiting.selectedProperty().addListener((o, a, b) -> apply.run());
        older.valueProperty().addListener((o, a, b) -> apply.run());
        background.selectedProperty().addListener((o, a, b) -> apply.run());
        waiting.setId("filter-waiting");
        Label olderLabel = new Label("older than");
        olderLabel.setMinWidth(Region.USE_PREF_SIZE);
        for (javafx.scene.control.Labeled l : List.of(waiting, background)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, state, user, application, database, waiting, olderLabel, older, new Label("s"), background);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private HBox summaryLine() {
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("view-summary");
        HBox legend = new HBox(12, legendItem("waiting on a lock", "legend-waiting"),
                legendItem("idle in transaction", "legend-idle-in-tx"), legendItem("blocking others", "legend-blocker"),
                legendItem("bold: running ≥ 30 s", null));
        legend.setAlignment(Pos.CENTER_RIGHT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(summary, spacer, legend);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static Label legendItem(String text, String swatch) {
        Label label = new Label(text);
        label.getStyleClass().add("legend-text");
        if (swatch != null) {
            Region box = new Region();
            box.getStyleClass().addAll("legend-swatch", swatch);
            label.setGraphic(box);
        }
        return label;
    }

    private Label placeholder() {
        Label empty = new Label();
        empty.textProperty().bind(vm.unavailableProperty().map(u -> u.isEmpty() ? "No session matches the filters." : u));
        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder-text");
        return empty;
    }

    private static TextField prompt(String what) {
        TextField field = new TextField();
        field.setPromptText(what);
        field.setPrefColumnCount(7);
        return field;
    }

    private List<SessionRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private void showDetails(SessionRow row) {
        facts.getChildren().clear();
        if (row == null) {
            query.setText("");
            heldLocks.show(null, null, null);
            return;
        }
        var a = row.activity();
        int line = 0;
        line = ViewParts.fact(facts, line, "pid", a.pid() + " · " + a.backendType());
        line = ViewParts.fact(facts, line, "who", a.user() + " @ " + a.database() + " · " + (a.application().isEmpty() ? "no application_name" : a.application()) + (a.clientAddress().isEmpty() ? "" : " from " + a.clientAddress()));
        line = ViewParts.fact(facts, line, "state", a.state() + (a.transactionAge().isPresent() ? " · transaction open " + Format.age(a.transactionAge()) : ""));
        line = ViewParts.fact(facts, line, "wait", row.waitText().isEmpty() ? "not waiting" : row.waitText());
        line = ViewParts.fact(facts, line, "waits for lock", row.waitingFor().map(l -> l.mode() + " for " + l.awaited()).orElse("none"));
        line = ViewParts.fact(facts, line, "blocked by", row.blockedBy().isEmpty() ? "nobody" : "pid " + join(row.blockedBy()));
        line = ViewParts.fact(facts, line, "holding up", row.blocking().isEmpty() ? "nobody" : row.blocking().size() + " session(s): pid " + join(row.blocking()));
        Label locksName = new Label("locks");
        locksName.getStyleClass().add("fact-name");
        facts.addRow(line, locksName, heldLocks);
        heldLocks.show(cluster, vm.node(), a.pid());
        if (!query.getText().equals(a.query())) {
            query.setText(a.query()); // unchanged text is left alone, so the operator can select and copy it
        }
    }

    private static String join(List<Integer> pids) {
        return String.join(", ", pids.stream().map(String::valueOf).toList());
    }

    /** Ages sort as durations (9 s before 10 s) and read short; unknown ages sort first. */
    private static TableColumn<SessionRow, Duration> ageColumn(String title, double width,
                                                              Function<SessionRow, java.util.Optional<Duration>> age) {
        TableColumn<SessionRow, Duration> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(age.apply(cell.getValue()).orElse(null)));
        column.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Duration d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? "" : Format.age(java.util.Optional.of(d)));
            }
        });
        column.getStyleClass().add("numeric");
        return column;
    }

    private static final class ColouredRow extends TableRow<SessionRow> {
        @Override
        protected void updateItem(SessionRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean has = !empty && row != null;
            pseudoClassStateChanged(WAITING, has && row.isWaitingOnLock());
            pseudoClassStateChanged(IDLE_IN_TX, has && row.activity().isIdleInTransaction());
            pseudoClassStateChanged(LONG_RUNNING, has && row.isLongRunning());
            pseudoClassStateChanged(BLOCKER, has && !row.blocking().isEmpty());
        }
    }

    @Override
    public ConsoleView kind() {
        return ConsoleView.SESSIONS;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void refresh(ClusterViewModel next, String node) {
        String before = this.cluster == null ? null : this.cluster.name() + "/" + vm.node();
        List<String> keep = table.getSelectionModel().getSelectedItems().stream().map(SessionsView::identity).toList();
        this.cluster = next;
        next.focus(node).ifPresent(vm::update);
        if (!java.util.Objects.equals(before, next.name() + "/" + vm.node())) {
            keep = List.of(); // pids repeat across servers: a selection never carries over to another node
        }
        // Rows are replaced each tick; keep the operator's selection by backend (pid and start time).
        table.getSelectionModel().clearSelection();
        for (int i = 0; !keep.isEmpty() && i < table.getItems().size(); i++) {
            if (keep.contains(identity(table.getItems().get(i)))) {
                table.getSelectionModel().select(i);
            }
        }
    }

    private static String identity(SessionRow row) {
        return row.pid() + "@" + row.activity().backendStart().map(Object::toString).orElse("?");
    }
}
