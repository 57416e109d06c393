package dev.vigil.ui.migrations;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.locks.InFlightMigration;
import dev.vigil.locks.InFlightMigrations;
import dev.vigil.locks.WaitForGraph;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.LiveView;
import dev.vigil.ui.common.MigrationActions;
import dev.vigil.ui.common.MigrationBanner;
import dev.vigil.ui.common.ViewParts;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * A cluster's schema migrations: every version newest first (pending, current, applied, failed, undone) with
 * its checksum and undo script, the selected version's scripts, the folder's problems, and the guided actions —
 * roll back to a version, apply pending ones — each greyed with its reason when it does not apply. A migration in
 * flight on the primary is shown on top, with the same guided stop as in the Locks view.
 */
public final class MigrationsView extends BorderPane implements LiveView {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass UNDONE = PseudoClass.getPseudoClass("undone");
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");

    /** Opens a workflow in the workflow dialog. */
    public interface Launcher {
        void open(Window owner, Workflow workflow);
    }

    private final MigrationsViewModel vm;
    private final Launcher launcher;
    private final MigrationBanner banner;
    private final Label title = ViewParts.paneTitle("Schema migrations");
    private final Label folderPath = new Label();
    private final Label folderOrigin = new Label();
    private final Label summary = new Label();
    private final Label reasons = new Label();
    private final Label error = new Label();
    private final VBox problems = new VBox(4);
    private final Button refresh = new Button("Refresh");
    private final Button rollback = new Button("Roll back to version…");
    private final Button apply = new Button("Apply pending…");
    private final StackPane rollbackWrap = new StackPane(rollback);
    private final StackPane applyWrap = new StackPane(apply);
    private final TableView<MigrationRow> table = new TableView<>();
    private final TextArea applyText = new TextArea();
    private final TextArea undoText = new TextArea();
    private final Label applyTitle = ViewParts.paneTitle("V-script");
    private final Label undoTitle = ViewParts.paneTitle("U-script (undo)");
    private final VBox emptyState = new VBox(12);
    private final Label emptyTitle = new Label();
    private final VBox content = new VBox(8);
    private MigrationOffers shownOffers;
    private ClusterViewModel cluster;
    private String primaryNode = "";

    public MigrationsView(MigrationsViewModel vm, Launcher launcher, MigrationActions stops) {
        this.vm = vm;
        this.launcher = launcher;
        this.banner = new MigrationBanner("migrations-inflight",
                pid -> stops.stop(getScene().getWindow(), cluster, primaryNode, pid, false),
                pid -> stops.stop(getScene().getWindow(), cluster, primaryNode, pid, true));
        getStyleClass().add("console-view");
        setId("migrations-view");
        content.getChildren().setAll(folderLine(), actionsLine(), reasonsNote(), errorBanner(), problemsList(),
                versionsAndScripts());
        content.setId("migrations-content");
        Node body = emptyOrContent();
        VBox top = new VBox(8, banner, title);
        setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        setCenter(body);
        followViewModel();
    }

    private Node folderLine() {
        folderPath.setId("migrations-folder");
        folderPath.getStyleClass().add("migrations-folder");
        folderPath.setMinWidth(0);
        folderOrigin.getStyleClass().add("view-summary");
        folderOrigin.setMinWidth(Region.USE_PREF_SIZE);
        Button changeFolder = new Button("Change folder…");
        changeFolder.setId("migrations-change-folder");
        changeFolder.getStyleClass().add("flat");
        changeFolder.setOnAction(e -> chooseFolder());
        changeFolder.setMinWidth(Region.USE_PREF_SIZE);
        Label folderLabel = new Label("Folder");
        folderLabel.getStyleClass().add("actions-title");
        folderLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox folderLine = new HBox(8, folderLabel, folderPath, folderOrigin, changeFolder);
        folderLine.setAlignment(Pos.CENTER_LEFT);
        return folderLine;
    }

    private Node actionsLine() {
        refresh.setId("migrations-refresh");
        refresh.setOnAction(e -> vm.reload());
        refresh.setTooltip(new Tooltip("Read the folder and the history again"));
        rollback.setId("migrations-rollback");
        rollback.getStyleClass().addAll("danger", "button-outlined");
        rollback.setOnAction(e -> openRollback());
        apply.setId("migrations-apply");
        apply.getStyleClass().addAll("accent", "button-outlined");
        apply.setOnAction(e -> openApply());
        rollbackWrap.setId("wrap-migrations-rollback");
        applyWrap.setId("wrap-migrations-apply");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        summary.setId("migrations-summary");
        summary.getStyleClass().add("migrations-summary");
        summary.setMinWidth(0);
        HBox actions = new HBox(8, refresh, rollbackWrap, applyWrap, busy, summary);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    private Node reasonsNote() {
        reasons.setId("migrations-reasons");
        reasons.getStyleClass().add("view-summary");
        reasons.setWrapText(true);
        reasons.managedProperty().bind(reasons.visibleProperty());
        return reasons;
    }

    private Node errorBanner() {
        error.setId("migrations-error");
        error.getStyleClass().addAll("banner", "banner-warning");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private Node problemsList() {
        problems.setId("migrations-problems");
        problems.managedProperty().bind(problems.visibleProperty());
        vm.problems().addListener((javafx.collections.ListChangeListener<String>) c -> showProblems());
        showProblems();
        return problems;
    }

    /** The versions' table over the selected version's two scripts side by side. */
    private Node versionsAndScripts() {
        buildTable();
        SplitPane scripts = new SplitPane(scriptPane(applyTitle, applyText, "migrations-apply-sql"),
                scriptPane(undoTitle, undoText, "migrations-undo-sql"));
        SplitPane center = new SplitPane(table, scripts);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.6);
        VBox.setVgrow(center, Priority.ALWAYS);
        return center;
    }

    /** With no folder known the view is only the empty state's choice; with one, only the content. */
    private Node emptyOrContent() {
        buildEmptyState();
        emptyState.visibleProperty().bind(vm.folderProperty().isEqualTo(Optional.empty()));
        content.visibleProperty().bind(emptyState.visibleProperty().not());
        return new StackPane(content, emptyState);
    }

    private void followViewModel() {
        vm.folderProperty().addListener((o, a, folder) -> showFolder());
        vm.folderOriginProperty().addListener((o, a, b) -> showFolder());
        vm.summaryProperty().addListener((o, a, b) -> summary.setText(b));
        vm.offersProperty().addListener((o, a, offers) -> showOffers(offers));
        showOffers(vm.offersProperty().get());
    }

    private void buildTable() {
        table.setId("migrations-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No versions: the folder has no V-scripts and the history no rows."));
        table.getColumns().setAll(List.of(
                column("version", 70, 70, r -> r.version().toString()),
                column("description", 200, 140, MigrationRow::description),
                column("state", 170, 165, MigrationRow::stateText),
                column("applied / undone", 165, 160, MigrationRow::when),
                column("by", 90, 80, MigrationRow::by),
                column("took", 70, 60, MigrationRow::took),
                column("checksum", 95, 90, MigrationRow::checksum),
                column("undo", 95, 90, MigrationRow::undo)));
        table.getColumns().forEach(c -> c.setSortable(false)); // the order is the versions'
        // Wider than the columns need: all grow; narrower: they keep their minimum and the table scrolls.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MigrationRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean any = !empty && row != null;
                pseudoClassStateChanged(CURRENT, any && row.current());
                pseudoClassStateChanged(PENDING, any && row.state() == dev.vigil.migrate.history.VersionStatus.State.PENDING);
                pseudoClassStateChanged(UNDONE, any && row.state() == dev.vigil.migrate.history.VersionStatus.State.UNDONE);
                pseudoClassStateChanged(FAILED, any && row.state() == dev.vigil.migrate.history.VersionStatus.State.FAILED);
                pseudoClassStateChanged(MISSING, any && (row.state() == dev.vigil.migrate.history.VersionStatus.State.MISSING
                        || row.checksum().equals("CHANGED")));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showScripts(row));
        vm.rows().addListener((javafx.collections.ListChangeListener<MigrationRow>) c -> {
            if (table.getSelectionModel().getSelectedItem() == null) {
                showScripts(null);
            }
        });
        showScripts(null);
    }

    private static TableColumn<MigrationRow, String> column(String title, double width, double min,
                                                           java.util.function.Function<MigrationRow, String> value) {
        TableColumn<MigrationRow, String> c = ViewParts.column(title, width, value);
        c.setMinWidth(min);
        return c;
    }

    private static VBox scriptPane(Label title, TextArea text, String id) {
        text.setId(id);
        text.setEditable(false);
        text.getStyleClass().add("sql-text");
        text.setWrapText(true);
        VBox box = new VBox(4, title, text);
        box.setPadding(new Insets(6, 0, 0, 0));
        VBox.setVgrow(text, Priority.ALWAYS);
        return box;
    }

    /** The selected version's scripts; with none selected, the current version's. */
    private void showScripts(MigrationRow selected) {
        MigrationRow row = selected != null ? selected
                : vm.rows().stream().filter(MigrationRow::current).findFirst().orElse(null);
        if (row == null) {
            applyTitle.setText("V-script");
            undoTitle.setText("U-script (undo)");
            applyText.setText("Select a version to see its scripts.");
            undoText.setText("");
            return;
        }
        applyTitle.setText("V-script of " + row.version() + (row.script().isEmpty() ? "" : " · " + row.script()));
        applyText.setText(row.applySql().orElse("-- the folder has no V-script for version " + row.version()));
        undoTitle.setText("U-script of " + row.version() + row.undoScript().map(s -> " · " + s).orElse(""));
        undoText.setText(row.undoSql().orElse("-- no U" + row.version() + "__*.sql: Vigil cannot undo version "
                + row.version()));
    }

    private void buildEmptyState() {
        emptyTitle.getStyleClass().add("pane-title");
        emptyTitle.setId("migrations-empty-title");
        Label text = new Label("Vigil reads migrations in Flyway's convention: V<version>__<description>.sql, each "
                + "with its undo U<version>__<description>.sql, and compares them with the flyway_schema_history "
                + "table on the primary. Set migrations: for this cluster in clusters.yaml, or choose a folder for "
                + "this session.");
        text.setWrapText(true);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        text.getStyleClass().add("placeholder-text");
        Button choose = new Button("Choose migrations folder…");
        choose.setId("migrations-choose-folder");
        choose.getStyleClass().add("accent");
        choose.setOnAction(e -> chooseFolder());
        emptyState.getChildren().setAll(emptyTitle, text, choose);
        emptyState.setId("migrations-empty");
        emptyState.setAlignment(Pos.CENTER);
        emptyState.setMaxWidth(600);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Migrations folder of " + vm.clusterName());
        vm.folderProperty().get().map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(getScene().getWindow());
        if (chosen != null) {
            vm.chooseFolder(chosen.toPath());
        }
    }

    private void showFolder() {
        folderPath.setText(vm.folderProperty().get().map(Path::toString).orElse(""));
        folderOrigin.setText(vm.folderOriginProperty().get().isEmpty() ? "" : "(" + vm.folderOriginProperty().get() + ")");
        emptyTitle.setText("No migrations folder for " + vm.clusterName());
    }

    private void showProblems() {
        List<Node> lines = new ArrayList<>();
        if (!vm.problems().isEmpty()) {
            Label head = new Label(vm.problems().size() == 1 ? "1 problem in the folder:"
                    : vm.problems().size() + " problems in the folder:");
            head.getStyleClass().add("migrations-problems-title");
            lines.add(head);
            vm.problems().forEach(p -> {
                Label l = new Label("• " + p);
                l.setWrapText(true);
                l.getStyleClass().add("migrations-problem");
                lines.add(l);
            });
        }
        problems.getChildren().setAll(lines);
        problems.getStyleClass().setAll(vm.problems().isEmpty() ? List.of() : List.of("migrations-problems"));
        problems.setVisible(!vm.problems().isEmpty());
    }

    /** Rebuilt only when the offers change, so a button under the pointer keeps its hover and tooltip. */
    private void showOffers(MigrationOffers offers) {
        if (offers.equals(shownOffers)) {
            return;
        }
        shownOffers = offers;
        rollback.setDisable(!offers.rollback().enabled());
        apply.setDisable(!offers.apply().enabled());
        Tooltip.install(rollbackWrap, ViewParts.wideTooltip(offers.rollback().enabled()
                ? Format.capitalised(offers.rollback().reason()) + "." : "Not now: " + offers.rollback().reason() + "."));
        Tooltip.install(applyWrap, ViewParts.wideTooltip(offers.apply().enabled()
                ? Format.capitalised(offers.apply().reason()) + "." : "Not now: " + offers.apply().reason() + "."));
        List<String> why = new ArrayList<>();
        if (!offers.rollback().enabled() && !offers.apply().enabled()
                && offers.rollback().reason().equals(offers.apply().reason())) {
            why.add("Not now: " + offers.rollback().reason() + ".");
        } else {
            if (!offers.rollback().enabled()) {
                why.add("Roll back: not now, " + offers.rollback().reason() + ".");
            }
            if (!offers.apply().enabled()) {
                why.add("Apply: not now, " + offers.apply().reason() + ".");
            }
        }
        reasons.setText(String.join("   ", why));
        reasons.setVisible(!why.isEmpty());
    }


    private void openRollback() {
        MigrationOffers offers = vm.offersProperty().get();
        if (!offers.rollback().enabled()) {
            return;
        }
        MigrationChoiceDialog.rollback(getScene().getWindow(), vm.clusterName(), offers.rollbackTargets())
                .ifPresent(answer -> launcher.open(getScene().getWindow(), vm.rollback(answer.choice().version())));
    }

    private void openApply() {
        MigrationOffers offers = vm.offersProperty().get();
        if (!offers.apply().enabled()) {
            return;
        }
        MigrationChoiceDialog.apply(getScene().getWindow(), vm.clusterName(), offers.applyTargets())
                .ifPresent(answer -> launcher.open(getScene().getWindow(),
                        vm.apply(answer.choice().version(), answer.allowMissingUndo())));
    }

    @Override
    public ConsoleView kind() {
        return ConsoleView.MIGRATIONS;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void opened() {
        vm.opened();
    }

    @Override
    public void refresh(ClusterViewModel cluster, String node) {
        this.cluster = cluster;
        Optional<String> primary = cluster.status().primary().filter(NodeStatus::isUp).map(NodeStatus::node);
        primaryNode = primary.orElse("");
        title.setText("Schema migrations of " + cluster.name() + primary.map(p -> " · on the primary, " + p).orElse(""));
        List<InFlightMigration> suspects = inFlight(cluster, primary);
        vm.show(cluster.definition(), primary, suspects.stream().findFirst().map(m -> "pid " + m.pid()
                + m.tool().map(t -> " (" + t + ")").orElse("")));
        showFolder();
        banner.show(suspects, primaryNode);
    }

    /** Suspects on the primary's latest lock snapshot: the same finding as the Locks view's banner. */
    private static List<InFlightMigration> inFlight(ClusterViewModel cluster, Optional<String> primary) {
        return primary.flatMap(p -> cluster.sample().node(p)).flatMap(n -> n.upValue(LockSnapshot.class))
                .map(s -> InFlightMigrations.find(WaitForGraph.of(s))).orElse(List.of());
    }
}
