package dev.vigil.ui.health;

import dev.vigil.monitor.health.CheckpointReading;
import dev.vigil.monitor.health.HealthFinding;
import dev.vigil.monitor.health.WraparoundSnapshot;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.LiveView;
import dev.vigil.ui.common.ViewParts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The DBA's checks after locks and lag: problems first (who holds vacuum back, wraparound, unused and invalid
 * indexes, sequences near their end, requested checkpoints), each with its evidence, what to do, and the SQL
 * that would fix it, shown and never run; then the readings behind them. Ctrl+8.
 */
public final class HealthView extends BorderPane implements LiveView {
    private final Label summary = new Label();
    private final ObservableList<HealthRows.FindingRow> findings = FXCollections.observableArrayList();
    private final TableView<HealthRows.FindingRow> findingTable = new TableView<>();
    private final Label evidence = wrapped("health-evidence");
    private final Label advice = wrapped("health-advice");
    private final TextArea fix = new TextArea();
    private final Button copy = new Button("Copy fix SQL");
    private final ObservableList<HealthRows.HolderRow> holders = FXCollections.observableArrayList();
    private final ObservableList<HealthRows.WraparoundRow> wraparound = FXCollections.observableArrayList();
    private final ObservableList<HealthRows.CheckpointRow> checkpoints = FXCollections.observableArrayList();
    private final ObservableList<HealthRows.TableRow> tables = FXCollections.observableArrayList();
    private final ObservableList<HealthRows.VacuumRow> vacuums = FXCollections.observableArrayList();
    private final ObservableList<HealthRows.WalRow> wal = FXCollections.observableArrayList();
    private final ObservableList<HealthRows.SizeRow> sizes = FXCollections.observableArrayList();
    private HealthRows shown;

    public HealthView() {
        getStyleClass().add("console-view");
        setId("health-view");
        summary.setId("health-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("banner");
        VBox content = new VBox(10, summary, ViewParts.paneTitle("Problems"), findingsTable(), detail(),
                ViewParts.paneTitle("Who holds vacuum back"), holdersTable(),
                ViewParts.paneTitle("Vacuums running"), vacuumsTable(),
                ViewParts.paneTitle("Tables with the most dead rows"), tablesTable(),
                ViewParts.paneTitle("WAL"), walTable(),
                ViewParts.paneTitle("Sizes"), sizesTable(),
                ViewParts.paneTitle("Wraparound"), wraparoundTable(),
                ViewParts.paneTitle("Checkpoints"), checkpointsTable());
        content.setPadding(new Insets(4, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("view-scroll");
        setCenter(scroll);
    }

    @Override
    public ConsoleView kind() {
        return ConsoleView.HEALTH;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void refresh(ClusterViewModel cluster, String node) {
        // the cluster's own shares for wraparound (clusters.yaml alerts:), the defaults for the rest
        HealthRows rows = HealthRows.of(cluster.sample(), node, cluster.thresholds().health());
        if (rows.equals(shown)) {
            return; // the readings come every few ticks to minutes: keep the selection and scroll still
        }
        shown = rows;
        showSummary(rows, cluster.name(), node);
        HealthRows.FindingRow selected = findingTable.getSelectionModel().getSelectedItem();
        findings.setAll(rows.findings());
        reselect(selected);
        holders.setAll(rows.holders());
        wraparound.setAll(rows.wraparound());
        checkpoints.setAll(rows.checkpoints());
        tables.setAll(rows.tables());
        vacuums.setAll(rows.vacuums());
        wal.setAll(rows.wal());
        sizes.setAll(rows.sizes());
    }

    private void showSummary(HealthRows rows, String cluster, String node) {
        String where = node == null ? cluster : cluster + "/" + node;
        String notRead = rows.notRead().isEmpty() ? "" : " Not read: " + String.join(", ", rows.notRead())
                + " (its last readings are not shown as live).";
        summary.getStyleClass().removeAll("banner-ok", "banner-warning", "banner-critical");
        if (rows.findings().isEmpty()) {
            summary.setText("No health problem found on " + where + "." + notRead);
            summary.getStyleClass().add("banner-ok");
        } else {
            summary.setText(rows.summary() + " on " + where + ". Select one to see its fix." + notRead);
            summary.getStyleClass().add(switch (rows.worst()) {
                case CRITICAL -> "banner-critical";
                case WARNING -> "banner-warning";
                case NOTICE -> "banner-ok";
            });
        }
    }

    /** The same problem stays selected across refreshes: its node, kind and subject identify it. */
    private void reselect(HealthRows.FindingRow before) {
        if (before == null) {
            showDetail(null);
            return;
        }
        findings.stream().filter(r -> r.node().equals(before.node())
                        && r.finding().kind().equals(before.finding().kind())
                        && r.finding().subject().equals(before.finding().subject()))
                .findFirst().ifPresentOrElse(r -> findingTable.getSelectionModel().select(r), () -> showDetail(null));
    }

    private Node findingsTable() {
        SortedList<HealthRows.FindingRow> sorted = new SortedList<>(findings);
        sorted.comparatorProperty().bind(findingTable.comparatorProperty());
        findingTable.setItems(sorted);
        findingTable.setId("health-findings");
        findingTable.setPlaceholder(new Label("No problem found, or not read yet (the slow checks run every "
                + "few minutes)."));
        TableColumn<HealthRows.FindingRow, HealthFinding.Level> level = ViewParts.column("level", 90,
                r -> r.finding().level());
        level.setCellFactory(c -> new LevelCell());
        findingTable.getColumns().setAll(List.of(level,
                ViewParts.column("node", 90, HealthRows.FindingRow::node),
                ViewParts.column("check", 175, r -> r.finding().kind()),
                ViewParts.column("about", 280, r -> r.finding().subject()),
                ViewParts.column("evidence", 640, r -> r.finding().evidence())));
        findingTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        findingTable.setPrefHeight(210);
        findingTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showDetail(now));
        return findingTable;
    }

    private Node detail() {
        fix.setId("health-fix");
        fix.setEditable(false);
        fix.setWrapText(true);
        fix.setPrefRowCount(2);
        fix.getStyleClass().add("sql-text");
        copy.setId("health-copy-fix");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(fix.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label never = new Label("Vigil shows this SQL and never runs it: read it, then run it yourself in psql.");
        never.getStyleClass().add("legend-text");
        HBox actions = new HBox(10, copy, never);
        VBox box = new VBox(6, evidence, advice, fix, actions);
        box.setId("health-detail");
        showDetail(null);
        return box;
    }

    private void showDetail(HealthRows.FindingRow row) {
        evidence.setText(row == null ? "Select a problem to see its evidence and fix." : row.node() + ": "
                + row.finding().evidence() + ".");
        advice.setText(row == null ? "" : "What to do: " + row.finding().advice() + ".");
        fix.setText(row == null ? "" : row.finding().fixSql().orElse("-- no SQL fixes this: see what to do above"));
        copy.setDisable(row == null || row.finding().fixSql().isEmpty());
    }

    private Node holdersTable() {
        TableView<HealthRows.HolderRow> table = table("health-holders", holders, "Nobody holds the horizon: "
                + "no open snapshot, slot xmin or prepared transaction.");
        table.getColumns().setAll(List.of(
                ViewParts.<HealthRows.HolderRow, String>column("node", 70, HealthRows.HolderRow::node),
                ViewParts.column("kind", 80, r -> r.holder().kind().name().toLowerCase(Locale.ROOT)),
                ViewParts.column("who", 220, r -> r.holder().pid().map(p -> "pid " + p).orElse(r.holder().name())
                        + (r.holder().application().isEmpty() ? "" : " · " + r.holder().application())),
                ViewParts.column("user", 100, r -> r.holder().user()),
                ViewParts.column("database", 100, r -> r.holder().database()),
                ViewParts.column("state", 150, r -> r.holder().state()),
                ViewParts.column("xmin age", 100, r -> r.holder().xminAge()),
                ViewParts.column("open for", 100, r -> r.holder().heldSeconds()
                        .map(s -> Format.duration(Duration.ofMillis(Math.round(s * 1000)))).orElse("")),
                ViewParts.column("query", 420, r -> Format.oneLine(r.holder().query()))));
        return table;
    }

    private Node wraparoundTable() {
        TableView<HealthRows.WraparoundRow> table = table("health-wraparound", wraparound, "Not read yet (once a "
                + "minute).");
        table.getColumns().setAll(List.of(
                ViewParts.<HealthRows.WraparoundRow, String>column("node", 70, HealthRows.WraparoundRow::node),
                ViewParts.column("database", 160, r -> r.database().name()),
                ViewParts.column("xid age", 120, r -> r.database().xidAge()),
                ViewParts.column("multixact age", 120, r -> r.database().mxidAge()),
                ViewParts.column("of the 2^31 limit", 150, r -> String.format(Locale.ROOT, "%.2f %%",
                        r.database().share() * 100)),
                ViewParts.column("autovacuum freezes from", 205, r -> r.database().freezeMaxAge()),
                ViewParts.column("headroom to the limit", 190, r -> WraparoundSnapshot.LIMIT
                        - Math.max(r.database().xidAge(), r.database().mxidAge()))));
        return table;
    }

    private Node checkpointsTable() {
        TableView<HealthRows.CheckpointRow> table = table("health-checkpoints", checkpoints, "Not read yet (every "
                + "half minute).");
        table.getColumns().setAll(List.of(
                ViewParts.<HealthRows.CheckpointRow, String>column("node", 70, HealthRows.CheckpointRow::node),
                ViewParts.column("counted over", 200, r -> over(r.reading().tally())),
                ViewParts.column("timed", 70, r -> r.reading().tally().timed()),
                ViewParts.column("requested", 90, r -> r.reading().tally().requested()),
                ViewParts.column("max_wal_size", 125, r -> r.reading().now().maxWalSizeMb() + " MB"),
                ViewParts.column("checkpoint_timeout", 165, r -> r.reading().now().checkpointTimeoutSeconds() + " s"),
                ViewParts.column("buffers: checkpointer / bgwriter / backends", 370, r -> r.reading().now()
                        .buffersCheckpointer() + " / " + r.reading().now().buffersBgwriter() + " / "
                        + r.reading().now().buffersBackend())));
        return table;
    }

    private Node vacuumsTable() {
        TableView<HealthRows.VacuumRow> table = table("health-vacuums", vacuums, "No vacuum is running.");
        table.getColumns().setAll(List.of(
                ViewParts.<HealthRows.VacuumRow, String>column("node", 70, HealthRows.VacuumRow::node),
                ViewParts.column("pid", 70, r -> r.vacuum().pid()),
                ViewParts.column("by", 110, r -> r.vacuum().autovacuum() ? "autovacuum" : "VACUUM"),
                ViewParts.column("table", 220, r -> r.vacuum().table()),
                ViewParts.column("phase", 200, r -> r.vacuum().phase()),
                ViewParts.column("heap scanned", 120, r -> String.format(Locale.ROOT, "%.0f %%",
                        r.vacuum().scannedShare() * 100)),
                ViewParts.column("index passes", 110, r -> r.vacuum().indexPasses()),
                ViewParts.column("running for", 110, r -> r.vacuum().runningSeconds()
                        .map(x -> Format.duration(Duration.ofMillis(Math.round(x * 1000)))).orElse(""))));
        table.setPrefHeight(110);
        return table;
    }

    private Node tablesTable() {
        TableView<HealthRows.TableRow> table = table("health-tables", tables, "No dead rows, or not read yet "
                + "(every ten seconds).");
        table.getColumns().setAll(List.of(
                ViewParts.<HealthRows.TableRow, String>column("node", 70, HealthRows.TableRow::node),
                ViewParts.column("table", 220, r -> r.table().schema() + "." + r.table().name()),
                ViewParts.column("dead rows", 100, r -> r.table().deadRows()),
                ViewParts.column("dead %", 80, r -> String.format(Locale.ROOT, "%.1f", r.table().deadShare() * 100)),
                ViewParts.column("live rows", 100, r -> r.table().liveRows()),
                ViewParts.column("last vacuumed", 200, r -> r.table().lastVacuumed().map(HealthView::when)
                        .orElse("never")),
                ViewParts.column("last analyzed", 200, r -> (r.table().lastAnalyze().isPresent()
                        ? r.table().lastAnalyze() : r.table().lastAutoanalyze()).map(HealthView::when).orElse("never")),
                ViewParts.column("autovacuums", 100, r -> r.table().autovacuumCount())));
        return table;
    }

    private Node walTable() {
        TableView<HealthRows.WalRow> table = table("health-wal", wal, "Not read twice yet (every five seconds).");
        table.getColumns().setAll(List.of(
                ViewParts.<HealthRows.WalRow, String>column("node", 70, HealthRows.WalRow::node),
                ViewParts.column("what", 120, r -> r.now().inRecovery() ? "replayed" : "written"),
                ViewParts.column("rate", 130, r -> Format.bytes(Math.round(r.rate().bytesPerSecond())) + "/s"),
                ViewParts.column("over", 90, r -> Format.duration(r.rate().over())),
                ViewParts.column("full-page images", 150, r -> r.rate().fullPageImageShare()
                        .map(x -> String.format(Locale.ROOT, "%.0f %% of records", x * 100)).orElse("–")),
                ViewParts.column("position", 160, r -> r.now().position().toString())));
        table.setPrefHeight(130);
        return table;
    }

    private Node sizesTable() {
        TableView<HealthRows.SizeRow> table = table("health-sizes", sizes, "Not read yet (every five minutes).");
        table.getColumns().setAll(List.of(
                ViewParts.<HealthRows.SizeRow, String>column("node", 70, HealthRows.SizeRow::node),
                ViewParts.column("what", 90, HealthRows.SizeRow::what),
                ViewParts.column("name", 240, HealthRows.SizeRow::name),
                ViewParts.column("size", 110, r -> Format.bytes(r.bytes())),
                ViewParts.column("growth per hour", 150, r -> r.growth().map(g -> (g.bytesPerHour() >= 0 ? "+" : "-")
                        + Format.bytes(Math.round(Math.abs(g.bytesPerHour())))).orElse("after 10 min")),
                ViewParts.column("of which", 330, HealthRows.SizeRow::detail)));
        table.setPrefHeight(220);
        return table;
    }

    /** A date and time, local: a last vacuum may be days old, so the clock alone would mislead. */
    private static String when(java.time.Instant at) {
        return WHEN.format(at);
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    private static String over(CheckpointReading.Tally t) {
        return t.sinceReset() ? "since the statistics reset" : "the last " + Format.duration(t.over());
    }

    private static <S> TableView<S> table(String id, ObservableList<S> rows, String placeholder) {
        TableView<S> table = new TableView<>();
        SortedList<S> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId(id);
        Label empty = new Label(placeholder);
        empty.getStyleClass().add("placeholder-text");
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(150);
        return table;
    }

    private static Label wrapped(String styleClass) {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setId(styleClass);
        return label;
    }

    /** The level in its colour: red for critical, amber for a warning, muted for a notice. */
    private static final class LevelCell extends TableCell<HealthRows.FindingRow, HealthFinding.Level> {
        @Override
        protected void updateItem(HealthFinding.Level item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("health-critical", "health-warning", "health-notice");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.name().toLowerCase(Locale.ROOT));
            getStyleClass().add("health-" + item.name().toLowerCase(Locale.ROOT));
        }
    }
}
