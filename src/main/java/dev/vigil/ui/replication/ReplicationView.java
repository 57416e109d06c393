package dev.vigil.ui.replication;

import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import dev.vigil.monitor.replication.SlotState;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.LiveView;
import dev.vigil.ui.common.ReplicationTopology;
import dev.vigil.ui.common.RoleAction;
import dev.vigil.ui.common.TopologyPane;
import dev.vigil.ui.common.ViewParts;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Replication at a glance: problems first (split-brain, no primary, a standby not streaming, a fenced node,
 * lag), the role changes that apply now (switchover, failover, rejoin) as buttons, the topology picture, the
 * per-standby lag chart, and the replication slots with the WAL they hold back.
 */
public final class ReplicationView extends BorderPane implements LiveView {

    /** One slot on one node, as the slots table lists it. */
    record SlotRow(String node, SlotState slot) {
        String warning() {
            if (slot.atRisk()) {
                return "wal_status " + slot.walStatus() + ": WAL this slot needs is gone or may go";
            }
            if (!slot.active()) {
                return "inactive: it holds back WAL until it is used or dropped";
            }
            return "";
        }
    }

    /** Opens a switchover, failover or rejoin in the workflow dialog. */
    public interface RoleLauncher {
        void open(Window owner, ClusterViewModel cluster, RoleAction action);
    }

    private final VBox problems = new VBox(6);
    private final FlowPane actions = new FlowPane(8, 8);
    private final RoleLauncher launcher;
    private List<RoleAction> shownActions = List.of();
    private ClusterViewModel shownCluster;
    private final TopologyPane topology = new TopologyPane();
    private final ObservableList<SlotRow> slots = FXCollections.observableArrayList();
    private final TableView<SlotRow> slotTable = new TableView<>();
    private final VBox charts = new VBox(10);
    private final LagCharts lagCharts;

    public ReplicationView(LagCharts lagCharts, RoleLauncher launcher) {
        this.lagCharts = lagCharts;
        this.launcher = launcher;
        actions.setId("replication-actions");
        actions.getStyleClass().add("replication-actions");
        actions.managedProperty().bind(actions.visibleProperty());
        getStyleClass().add("console-view");
        setId("replication-view");
        problems.setId("replication-problems");
        javafx.collections.transformation.SortedList<SlotRow> sortedSlots = new javafx.collections.transformation.SortedList<>(slots);
        sortedSlots.comparatorProperty().bind(slotTable.comparatorProperty());
        slotTable.setItems(sortedSlots);
        slotTable.setId("slots-table");
        slotTable.setPlaceholder(new Label("No replication slots."));
        slotTable.getColumns().setAll(List.of(
                ViewParts.<SlotRow, String>column("node", 80, SlotRow::node),
                ViewParts.column("slot", 160, r -> r.slot().name()),
                ViewParts.column("type", 80, r -> r.slot().type()),
                ViewParts.column("active", 70, r -> r.slot().active() ? "yes" : "no"),
                ViewParts.column("retained WAL", 125, r -> r.slot().retainedBytes().map(Format::bytes).orElse("")),
                ViewParts.column("wal_status", 100, r -> r.slot().walStatus()),
                ViewParts.column("safe_wal_size", 125, r -> r.slot().safeWalSizeBytes().map(Format::bytes)
                        .orElse(r.slot().atRisk() ? "–" : "unlimited")),
                ViewParts.column("warning", 380, SlotRow::warning)));
        slotTable.setPrefHeight(150);
        slotTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label topologyTitle = ViewParts.paneTitle("Topology");
        Label slotsTitle = ViewParts.paneTitle("Replication slots");
        ScrollPane topoScroll = new ScrollPane(topology);
        topoScroll.getStyleClass().add("topology-scroll");
        topoScroll.setFitToHeight(false);
        topoScroll.setPrefViewportHeight(200);
        // The role changes come first: banners above them would move the buttons whenever a lag warning comes or goes.
        VBox content = new VBox(12, actions, problems, topologyTitle, topoScroll, charts, slotsTitle, slotTable);
        content.setPadding(new Insets(4, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("view-scroll");
        setCenter(scroll);
        charts.getChildren().setAll(lagCharts.node());
    }

    @Override
    public ConsoleView kind() {
        return ConsoleView.REPLICATION;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void refresh(ClusterViewModel cluster, String node) {
        ReplicationTopology t = ReplicationTopology.of(cluster.sample(), cluster.thresholds(), cluster.fenced().keySet());
        problems.getChildren().setAll(t.problems().stream().map(p -> {
            Label label = new Label(p.text());
            label.setWrapText(true);
            label.getStyleClass().addAll("banner", p.severity() == ReplicationTopology.Health.CRITICAL
                    ? "banner-critical" : "banner-warning");
            return label;
        }).toList());
        if (t.problems().isEmpty()) {
            Label ok = new Label(t.links().isEmpty() ? "No standbys: this cluster has a single node."
                    : "All standbys stream and keep up.");
            ok.getStyleClass().addAll("banner", "banner-ok");
            problems.getChildren().add(ok);
        }
        topology.show(t);
        showActions(cluster);
        List<SlotRow> rows = new ArrayList<>();
        for (NodeSample n : cluster.sample().nodes()) {
            n.upValue(ReplicationSnapshot.class).ifPresent(r -> r.slots().forEach(s -> rows.add(new SlotRow(n.node(), s))));
        }
        slots.setAll(rows);
        lagCharts.refresh(cluster, t);
    }

    /** Rebuilt only when what is offered changes, so a button under the pointer keeps its hover and tooltip. */
    private void showActions(ClusterViewModel cluster) {
        List<RoleAction> now = cluster.roleActions().offers();
        if (cluster == shownCluster && now.equals(shownActions)) {
            return;
        }
        shownCluster = cluster;
        shownActions = now;
        List<Node> buttons = new ArrayList<>();
        if (!now.isEmpty()) {
            Label title = new Label("Role changes");
            title.getStyleClass().add("actions-title");
            buttons.add(title);
        }
        now.forEach(a -> buttons.add(button(cluster, a)));
        actions.getChildren().setAll(buttons);
        actions.setVisible(!now.isEmpty());
    }

    /**
     * A disabled button shows no tooltip of its own, so the tooltip sits on a wrapper: a newcomer pointing at a
     * greyed "Switch over to pg2…" learns why it is grey.
     */
    private Node button(ClusterViewModel cluster, RoleAction action) {
        Button b = new Button(action.buttonLabel());
        b.setId(action.id());
        b.setDisable(!action.enabled());
        b.setUserData(action);
        b.getStyleClass().add(switch (action.kind()) {
            case FAILOVER -> atlantafx.base.theme.Styles.DANGER;
            case REJOIN -> atlantafx.base.theme.Styles.ACCENT;
            case SWITCHOVER -> atlantafx.base.theme.Styles.BUTTON_OUTLINED;
        });
        if (action.kind() == RoleAction.Kind.FAILOVER) {
            b.getStyleClass().addAll(atlantafx.base.theme.Styles.LARGE, "action-prominent");
        }
        b.setOnAction(e -> launcher.open(getScene().getWindow(), cluster, action));
        StackPane wrapper = new StackPane(b);
        wrapper.setId("wrap-" + action.id());
        Tooltip.install(wrapper, ViewParts.wideTooltip(action.enabled() ? action.explanation()
                : "Not now: " + action.whyNot() + "."));
        return wrapper;
    }

    /** The per-standby lag charts (write, flush, replay), drawn from the cluster's history. */
    interface LagCharts {
        Node node();

        void refresh(ClusterViewModel cluster, ReplicationTopology topology);
    }
}
