package dev.vigil.ui.locks;

import dev.vigil.locks.BlockingTree;
import dev.vigil.locks.WaitForGraph;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.HeldLocksLabel;
import dev.vigil.ui.common.LiveView;
import dev.vigil.ui.common.MigrationActions;
import dev.vigil.ui.common.MigrationBanner;
import dev.vigil.ui.common.SessionActions;
import dev.vigil.ui.common.SessionRow;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.ViewParts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live wait-for graph of the shown node: who waits on whom, root blockers stressed; beside it the blocking
 * trees largest first, the selected session's details, "Terminate root blocker", and the lock-wait history.
 */
public final class LocksView extends BorderPane implements LiveView {
    private final LockGraphView graph = new LockGraphView();
    private final ObservableList<BlockingTree> trees = FXCollections.observableArrayList();
    private final ListView<BlockingTree> treeList = new ListView<>(trees);
    private final Label summary = new Label();
    private final GridPane facts = new GridPane();
    private final TextArea query = new TextArea();
    private final Button terminateRoot = new Button("Terminate root blocker…");
    private final LockHistory history;
    private final SessionActions actions;
    private WaitForGraph current;
    private boolean refreshingTrees;
    private ClusterViewModel cluster;
    private String node = "";

    /** The lock-wait history chart under the graph. */
    interface LockHistory {
        Node node();

        void refresh(ClusterViewModel cluster, String node);
    }

    private final HeldLocksLabel heldLocks;

    private final MigrationBanner banner;

    public LocksView(SessionActions actions, MigrationActions migrations, LockHistory history, TaskExecutor tasks) {
        this.actions = actions;
        this.banner = new MigrationBanner(pid -> migrations.stop(getScene().getWindow(), cluster, node, pid, false),
                pid -> migrations.stop(getScene().getWindow(), cluster, node, pid, true));
        this.heldLocks = new HeldLocksLabel(tasks);
        this.history = history;
        getStyleClass().add("console-view");
        setId("locks-view");
        summary.getStyleClass().add("view-summary");
        summary.setId("locks-summary");
        VBox top = new VBox(8, banner, summary);
        setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));

        treeList.setId("blocking-trees");
        treeList.setPlaceholder(new Label("Nobody is blocked."));
        treeList.setCellFactory(l -> new TreeCell());
        treeList.setPrefHeight(180);
        treeList.getSelectionModel().selectedItemProperty().addListener((o, a, tree) -> {
            if (tree != null && !refreshingTrees) {
                graph.select(tree.root()); // only the operator's choice moves the graph, never a tick's reselection
            }
        });
        terminateRoot.setId("terminate-root");
        terminateRoot.getStyleClass().add("danger");
        terminateRoot.setOnAction(e -> terminateSelectedRoot());
        query.setEditable(false);
        query.setWrapText(true);
        query.getStyleClass().add("sql-text");
        query.setPrefRowCount(5);
        facts.getStyleClass().add("facts");
        facts.setHgap(10);
        facts.setVgap(3);
        VBox side = new VBox(8, ViewParts.paneTitle("Blocking trees, largest first"), treeList, ViewParts.paneTitle("Selected session"), facts,
                query, terminateRoot);
        side.setPadding(new Insets(0, 0, 0, 10));
        side.setMinWidth(300);
        VBox.setVgrow(query, Priority.ALWAYS);
        graph.setId("lock-graph");
        SplitPane main = new SplitPane(graph, history.node());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.7);
        SplitPane split = new SplitPane(main, side);
        split.setDividerPositions(0.7);
        setCenter(split);
        graph.selectedPidProperty().addListener((o, a, pid) -> showDetails());
    }

    /** The root of the selected session's tree, or of the largest tree when nothing is selected. */
    private Optional<Integer> rootToTerminate() {
        if (current == null || current.isEmpty()) {
            return Optional.empty();
        }
        Integer selected = graph.selectedPidProperty().get();
        List<BlockingTree> all = current.trees();
        if (selected != null) {
            // A session in no tree (a member of a lock cycle) has no root to end: nothing is offered.
            return all.stream().filter(t -> t.root() == selected || t.blocked().contains(selected)).findFirst()
                    .map(BlockingTree::root);
        }
        return all.stream().findFirst().map(BlockingTree::root);
    }

    private void terminateSelectedRoot() {
        Optional<Integer> root = rootToTerminate();
        if (root.isEmpty() || cluster == null) {
            return;
        }
        cluster.focus(node).flatMap(n -> n.upValue(dev.vigil.monitor.activity.ActivitySnapshot.class))
                .flatMap(a -> a.sessions().stream().filter(s -> s.pid() == root.get()).findFirst())
                .ifPresentOrElse(
                        s -> actions.signal(getScene().getWindow(), cluster, node, List.of(SessionRow.of(s,
                                current.session(root.get()), List.copyOf(current.blockedBehind(root.get())))), true),
                        () -> summary.setText("pid " + root.get() + " is no longer in pg_stat_activity: nothing to terminate."));
    }

    private void showDetails() {
        facts.getChildren().clear();
        // With nothing clicked, show the root blocker of the largest tree: the session a DBA asks about first.
        Integer pid = graph.selectedPidProperty().get() != null ? graph.selectedPidProperty().get()
                : rootToTerminate().orElse(null);
        Optional<LockSession> s = pid == null || current == null ? Optional.empty() : current.session(pid);
        if (s.isEmpty()) {
            query.setText(pid != null ? "" : current == null || current.isEmpty() ? "No session waits on a lock."
                    : "Click a session in the graph.");
            heldLocks.show(null, null, null);
            return;
        }
        LockSession l = s.get();
        int row = 0;
        row = ViewParts.fact(facts, row, "pid", l.pid() + " · " + l.user() + " @ " + l.database() + " · " + l.application());
        row = ViewParts.fact(facts, row, "state", l.state() + (l.waitEventType().isEmpty() ? "" : " · waits on " + l.waitEventType() + ": " + l.waitEvent()));
        row = ViewParts.fact(facts, row, "transaction", l.transactionStart().map(t -> "open for " + Format.age(Optional.of(Duration.between(t, current.snapshot().at())))).orElse("none"));
        row = ViewParts.fact(facts, row, "waits for", l.waitingFor().map(w -> w.mode() + " for " + w.awaited()).orElse("nothing"));
        row = ViewParts.fact(facts, row, "blocked by", l.blockedBy().isEmpty() ? "nobody (root)" : "pid " + String.join(", ", l.blockedBy().stream().map(String::valueOf).toList()));
        row = ViewParts.fact(facts, row, "holding up", current.blockedTransitively(l.pid()) + " session(s), " + current.blockedDirectly(l.pid()) + " directly");
        Label locksName = new Label("locks");
        locksName.getStyleClass().add("fact-name");
        facts.addRow(row, locksName, heldLocks);
        heldLocks.show(cluster, node, l.pid());
        query.setText(l.query());
    }

    @Override
    public ConsoleView kind() {
        return ConsoleView.LOCKS;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void refresh(ClusterViewModel cluster, String chosen) {
        this.cluster = cluster;
        Optional<NodeSample> shown = cluster.focus(chosen);
        node = shown.map(NodeSample::node).orElse("");
        Optional<LockSnapshot> locks = shown.flatMap(n -> n.upValue(LockSnapshot.class));
        if (locks.isEmpty()) {
            banner.show(List.of(), node);
            current = null;
            trees.clear();
            graph.show(null);
            summary.setText(shown.map(n -> n.status().isUp() ? node + ": locks " + Format.metricProblem(n, "locks")
                    : node + " is " + dev.vigil.cluster.ConnectionFailure.notUp(n.status().error())).orElse(""));
        } else {
            current = WaitForGraph.of(locks.get());
            banner.show(dev.vigil.locks.InFlightMigrations.find(current), node);
            // The canvas cannot read the theme's CSS; the user-agent stylesheet says which one is on.
            String theme = javafx.application.Application.getUserAgentStylesheet();
            graph.setDark(theme == null || !theme.contains("light"));
            graph.show(current);
            List<BlockingTree> all = current.trees();
            BlockingTree keep = treeList.getSelectionModel().getSelectedItem();
            refreshingTrees = true;
            try {
                trees.setAll(all);
                if (keep != null) {
                    all.stream().filter(t -> t.root() == keep.root()).findFirst()
                            .ifPresent(t -> treeList.getSelectionModel().select(t));
                }
            } finally {
                refreshingTrees = false;
            }
            long waiting = locks.get().waitingCount();
            summary.setText(waiting == 0 ? node + ": no session waits on a lock."
                    : String.format("%s: %d session(s) waiting on a lock · %d root blocker(s)%s", node, waiting,
                    current.rootBlockers().size(), current.cycles().isEmpty() ? "" : " · " + current.cycles().size()
                    + " cycle(s): the deadlock detector will end one"));
        }
        Optional<Integer> root = rootToTerminate();
        terminateRoot.setDisable(root.isEmpty());
        terminateRoot.setText(root.map(pid -> "Terminate root blocker pid " + pid + "…").orElse("Terminate root blocker…"));
        showDetails();
        history.refresh(cluster, node);
    }

    /** One blocking tree in the side list; its nodes are built once and refilled, not rebuilt per update. */
    private final class TreeCell extends ListCell<BlockingTree> {
        private final Label head = new Label();
        private final Label count = new Label();
        private final Label who = new Label();
        private final Label q = new Label();
        private final VBox box;

        TreeCell() {
            head.getStyleClass().add("tree-root");
            head.setMinWidth(0);
            count.getStyleClass().addAll("role-badge", "role-down");
            count.setMinWidth(Region.USE_PREF_SIZE);
            q.getStyleClass().add("tree-muted");
            q.setMinWidth(0);
            who.getStyleClass().add("tree-muted");
            who.setMinWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(6, head, spacer, count);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, who, q);
            box.setMinWidth(0);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(BlockingTree tree, boolean empty) {
            super.updateItem(tree, empty);
            setText(null);
            if (empty || tree == null || current == null) {
                setGraphic(null);
                return;
            }
            if (!box.maxWidthProperty().isBound() && getListView() != null) {
                box.maxWidthProperty().bind(getListView().widthProperty().subtract(28));
            }
            Optional<LockSession> root = current.session(tree.root());
            // Who the root is, before anyone ends it: application, user, state and how long its transaction is open.
            head.setText("pid " + tree.root() + root.map(r -> " · " + (r.application().isEmpty() ? "no application_name"
                    : r.application())).orElse(""));
            who.setText(root.map(r -> r.user() + " · " + r.state() + r.transactionStart().map(t -> " · xact "
                    + Format.age(Optional.of(Duration.between(t, current.snapshot().at())))).orElse(" · no transaction"))
                    .orElse(tree.root() == 0 ? "a prepared transaction (pg_prepared_xacts)" : "no longer in pg_stat_activity"));
            count.setText("blocks " + tree.size());
            q.setText(root.map(r -> Format.oneLine(r.query())).orElse(""));
            setGraphic(box);
        }
    }
}
