package dev.vigil.ui.shell;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.NodeBadges;
import dev.vigil.ui.common.RoleAction;
import dev.vigil.ui.common.RoleActions;
import dev.vigil.ui.common.ViewParts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Clusters, then their nodes, each with health, role, version and recovery state, and "fenced · needs rejoin"
 * for a node a failover took out. Tree items are kept and their values replaced on each snapshot, so selection
 * and scroll position survive the live updates. A node's context menu offers switchover, failover and rejoin,
 * each disabled with the reason when it does not apply now.
 */
public final class ClusterTreeView extends TreeView<TreeEntry> {
    private final TreeItem<TreeEntry> root = new TreeItem<>();
    private final Map<String, TreeItem<TreeEntry>> items = new HashMap<>();
    private final MainViewModel vm;
    private final RoleChanges changes;

    ClusterTreeView(MainViewModel vm) {
        this(vm, new RoleChanges(vm));
    }

    ClusterTreeView(MainViewModel vm, RoleChanges changes) {
        this.vm = vm;
        this.changes = changes;
        setRoot(root);
        setShowRoot(false);
        getStyleClass().add("cluster-tree");
        setCellFactory(tree -> new EntryCell());
        vm.clusters().forEach(this::track);
        vm.clusters().addListener((ListChangeListener<ClusterViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::forget);
                change.getAddedSubList().forEach(this::track);
            }
        });
    }

    private void track(ClusterViewModel cluster) {
        show(cluster);
        cluster.statusProperty().addListener((obs, old, status) -> show(cluster));
        cluster.fencedProperty().addListener((obs, old, fenced) -> show(cluster));
    }

    /** A cluster a reload dropped: its rows go (a changed one is added back as new). */
    private void forget(ClusterViewModel cluster) {
        items.entrySet().removeIf(e -> {
            TreeEntry entry = e.getValue().getValue();
            String name = entry instanceof TreeEntry.NodeEntry n ? n.cluster().cluster()
                    : ((TreeEntry.ClusterEntry) entry).cluster().cluster();
            if (name.equals(cluster.name())) {
                if (e.getValue().getParent() != null) {
                    e.getValue().getParent().getChildren().remove(e.getValue());
                }
                return true;
            }
            return false;
        });
    }

    private void show(ClusterViewModel cluster) {
        ClusterStatus status = cluster.status();
        TreeItem<TreeEntry> clusterItem = upsert(root, new TreeEntry.ClusterEntry(status));
        clusterItem.setExpanded(true);
        for (NodeStatus node : status.nodes()) {
            upsert(clusterItem, new TreeEntry.NodeEntry(status, node, cluster.fenced().containsKey(node.node())));
        }
        if (getSelectionModel().isEmpty() && !clusterItem.getChildren().isEmpty()) {
            getSelectionModel().select(clusterItem);
        }
    }

    /** Selects a cluster, or one of its nodes, as if the operator had clicked it. */
    void show(String cluster, String node) {
        items.entrySet().stream()
                .filter(e -> node == null ? e.getValue().getValue() instanceof TreeEntry.ClusterEntry c
                        && c.cluster().cluster().equals(cluster)
                        : e.getValue().getValue() instanceof TreeEntry.NodeEntry n
                        && n.cluster().cluster().equals(cluster) && n.node().node().equals(node))
                .findFirst().ifPresent(e -> getSelectionModel().select(e.getValue()));
    }

    private TreeItem<TreeEntry> upsert(TreeItem<TreeEntry> parent, TreeEntry entry) {
        TreeItem<TreeEntry> item = items.get(entry.key());
        if (item == null) {
            item = new TreeItem<>(entry);
            items.put(entry.key(), item);
            parent.getChildren().add(item);
        } else if (!EntryCell.looks(item.getValue()).equals(EntryCell.looks(entry))) {
            // A new value makes the tree rebuild every cell, so only a row that would look different gets one.
            item.setValue(entry);
        }
        return item;
    }

    private ClusterViewModel clusterNamed(String name) {
        return vm.clusters().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The menu as things stand when it opens, not when the row was drawn. */
    private List<MenuItem> menuFor(TreeEntry entry) {
        String name = entry instanceof TreeEntry.NodeEntry n ? n.cluster().cluster()
                : ((TreeEntry.ClusterEntry) entry).cluster().cluster();
        ClusterViewModel cluster = clusterNamed(name);
        if (cluster == null) {
            return List.of();
        }
        RoleActions actions = cluster.roleActions();
        List<RoleAction> offered = entry instanceof TreeEntry.NodeEntry n ? actions.forNode(n.node().node())
                : actions.offers();
        List<MenuItem> out = new java.util.ArrayList<>();
        for (RoleAction a : offered) {
            if (!out.isEmpty() && a.kind() == RoleAction.Kind.REJOIN && entry instanceof TreeEntry.NodeEntry) {
                out.add(new SeparatorMenuItem());
            }
            out.add(menuItem(cluster, a));
        }
        return out;
    }

    /** An enabled item explains itself in a tooltip; a disabled one says why not under its label, in the menu. */
    private MenuItem menuItem(ClusterViewModel cluster, RoleAction action) {
        Label title = new Label(action.label());
        title.getStyleClass().add("menu-action-title");
        VBox content = new VBox(1, title);
        content.setId("menu-" + action.id());
        if (action.enabled()) {
            Tooltip.install(content, ViewParts.wideTooltip(action.explanation()));
        } else {
            Label why = new Label(action.whyNot());
            why.getStyleClass().add("menu-action-why");
            content.getChildren().add(why);
            Tooltip.install(content, ViewParts.wideTooltip(action.whyNot()));
        }
        CustomMenuItem item = new CustomMenuItem(content, true);
        item.setDisable(!action.enabled());
        item.getStyleClass().add("role-action-item");
        item.setUserData(action);
        item.setOnAction(e -> changes.open(getScene().getWindow(), cluster, action));
        return item;
    }

    private final class EntryCell extends TreeCell<TreeEntry> {
        private final ContextMenu menu = new ContextMenu();

        EntryCell() {
            // Filled as it is asked for (a filter runs before the cell's own handler shows it): a menu with no
            // items does not show at all, and one filled earlier would offer what was true when the row was drawn.
            addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
                TreeEntry entry = getItem();
                menu.getItems().setAll(entry == null ? List.of() : menuFor(entry));
            });
        }

        /** Everything a row shows: entries equal in this look the same. */
        static List<Object> looks(TreeEntry entry) {
            if (entry instanceof TreeEntry.NodeEntry n) {
                NodeStatus node = n.node();
                return List.of(node.node(), node.reachability(), node.role(), node.error(), n.fenced(),
                        detailLine(n.cluster(), node, n.fenced()));
            }
            ClusterStatus c = ((TreeEntry.ClusterEntry) entry).cluster();
            return List.of(c.cluster(), c.reachableCount(), c.nodes().size(), c.splitBrain());
        }

        @Override
        protected void updateItem(TreeEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            setTooltip(null);
            if (empty || entry == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            setContextMenu(menu);
            if (entry instanceof TreeEntry.NodeEntry n) {
                setGraphic(nodeRow(n.cluster(), n.node(), n.fenced()));
                String fence = n.fenced() ? fenceReason(n) : "";
                String tip = String.join("\n", java.util.stream.Stream.of(fence, n.node().error())
                        .filter(x -> !x.isEmpty()).toList());
                if (!tip.isEmpty()) {
                    setTooltip(ViewParts.wideTooltip(tip));
                }
            } else if (entry instanceof TreeEntry.ClusterEntry c) {
                setGraphic(clusterRow(c.cluster()));
            }
        }

        private String fenceReason(TreeEntry.NodeEntry n) {
            ClusterViewModel cluster = clusterNamed(n.cluster().cluster());
            String why = cluster == null ? null : cluster.fenced().get(n.node().node());
            return n.node().node() + " is fenced · needs rejoin" + (why == null ? "" : ": " + why);
        }

        private static HBox clusterRow(ClusterStatus cluster) {
            Label name = new Label(cluster.cluster());
            name.getStyleClass().add("tree-cluster-name");
            Label summary = new Label(cluster.reachableCount() + "/" + cluster.nodes().size() + " up");
            summary.getStyleClass().add("tree-muted");
            HBox row = new HBox(8, name, summary);
            if (cluster.splitBrain()) {
                Label alarm = new Label("SPLIT-BRAIN");
                alarm.getStyleClass().addAll("role-badge", "role-down");
                row.getChildren().add(alarm);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            return row;
        }

        private static VBox nodeRow(ClusterStatus cluster, NodeStatus node, boolean fenced) {
            HBox top = NodeBadges.header(node, "tree-node-name", fenced);
            Label detail = new Label(detailLine(cluster, node, fenced));
            detail.getStyleClass().addAll("tree-muted", fenced ? "tree-fenced" : "tree-detail");
            VBox box = new VBox(2, top, detail);
            box.setMinWidth(0);
            box.setId("tree-node-" + node.node());
            return box;
        }

        private static String detailLine(ClusterStatus cluster, NodeStatus node, boolean fenced) {
            if (fenced) {
                return "fenced · needs rejoin" + (node.isUp() ? " · " + (node.inRecovery() ? "in recovery" : "READ-WRITE")
                        : " · down");
            }
            if (node.isLate()) {
                return node.address() + " · late" + node.lastGoodAge(java.time.Instant.now()).map(a -> String.format(
                        java.util.Locale.ROOT, " · last good %.0f s ago", a.toMillis() / 1000.0)).orElse("");
            }
            if (!node.isUp()) {
                return node.address() + " · " + (node.error().isEmpty() ? "connecting…"
                        : dev.vigil.cluster.ConnectionFailure.reason(node.error()));
            }
            StringBuilder s = new StringBuilder("PG ").append(node.version());
            node.timeline().ifPresent(tl -> s.append(" · TL ").append(tl));
            if (node.inRecovery()) {
                s.append(" · in recovery");
                node.upstreamAddress().ifPresentOrElse(
                        up -> s.append(" ← ").append(cluster.nodeNameFor(up)),
                        () -> s.append(" · not streaming"));
            } else {
                s.append(" · read-write");
            }
            return s.toString();
        }
    }
}
