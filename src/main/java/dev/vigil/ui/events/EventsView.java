package dev.vigil.ui.events;

import dev.vigil.journal.JournalEntry;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.LiveView;
import dev.vigil.ui.common.ViewParts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The journal, live: alerts raised and cleared, and every action's steps, with time, node and evidence. */
public final class EventsView extends BorderPane implements LiveView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass RAISED = PseudoClass.getPseudoClass("raised");
    private static final PseudoClass CLEARED = PseudoClass.getPseudoClass("cleared");
    private static final PseudoClass ACTION = PseudoClass.getPseudoClass("action");
    private final EventsViewModel vm;
    private final TableView<JournalEntry> table;
    private final TextArea evidence = new TextArea();

    public EventsView(EventsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("console-view");
        setId("events-view");
        table = new TableView<>();
        javafx.collections.transformation.SortedList<JournalEntry> sorted = new javafx.collections.transformation.SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("events-table");
        table.setPlaceholder(new Label("No event yet: alerts and actions appear here as they happen."));
        table.getColumns().setAll(List.of(
                ViewParts.<JournalEntry, String>column("time", 185, e -> TIME.format(e.at())),
                ViewParts.column("kind", 160, JournalEntry::kind),
                ViewParts.column("cluster", 110, JournalEntry::cluster),
                ViewParts.column("node", 80, JournalEntry::node),
                ViewParts.column("what happened", 720, JournalEntry::summary)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(JournalEntry e, boolean empty) {
                super.updateItem(e, empty);
                pseudoClassStateChanged(RAISED, !empty && e != null && e.kind().equals("alert.raised"));
                pseudoClassStateChanged(CLEARED, !empty && e != null && e.kind().equals("alert.cleared"));
                pseudoClassStateChanged(ACTION, !empty && e != null && !e.kind().startsWith("alert."));
            }
        });
        TextField text = new TextField();
        text.setPromptText("filter: text, node, pid, rule…");
        text.setPrefColumnCount(28);
        text.textProperty().bindBidirectional(vm.textProperty());
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.getItems().setAll(EventsViewModel.KINDS);
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("view-summary");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, text, kind, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        setTop(bar);
        evidence.setEditable(false);
        evidence.getStyleClass().add("sql-text");
        Label evidenceTitle = ViewParts.paneTitle("Evidence");
        VBox details = new VBox(8, evidenceTitle, evidence);
        details.setPadding(new Insets(10));
        VBox.setVgrow(evidence, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        setCenter(split);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> evidence.setText(e == null ? ""
                : e.summary() + "\n\n" + e.evidence().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue())
                .collect(Collectors.joining("\n"))));
    }

    @Override
    public ConsoleView kind() {
        return ConsoleView.EVENTS;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void refresh(ClusterViewModel cluster, String node) {
        // The journal feeds this view on its own; samples change nothing here.
    }
}
