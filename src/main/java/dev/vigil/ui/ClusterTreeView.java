package dev.vigil.ui;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Clusters, then their nodes, each with health, role, version and recovery state. Tree items are kept and
 * their values replaced on each snapshot, so selection and scroll position survive the live updates.
 */
final class ClusterTreeView extends TreeView<TreeEntry> {
    private final TreeItem<TreeEntry> root = new TreeItem<>();
    private final Map<String, TreeItem<TreeEntry>> items = new HashMap<>();

    ClusterTreeView(MainViewModel vm) {
        setRoot(root);
        setShowRoot(false);
        getStyleClass().add("cluster-tree");
        setCellFactory(tree -> new EntryCell());
        vm.clusters().forEach(this::track);
        vm.clusters().addListener((ListChangeListener<ClusterViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::track);
            }
        });
    }

    private void track(ClusterViewModel cluster) {
        show(cluster.status());
        cluster.statusProperty().addListener((obs, old, status) -> show(status));
    }

    private void show(ClusterStatus status) {
        TreeItem<TreeEntry> clusterItem = upsert(root, new TreeEntry.ClusterEntry(status));
        clusterItem.setExpanded(true);
        for (NodeStatus node : status.nodes()) {
            upsert(clusterItem, new TreeEntry.NodeEntry(status, node));
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

    private static final class EntryCell extends TreeCell<TreeEntry> {
        /** Everything a row shows: entries equal in this look the same. */
        static List<Object> looks(TreeEntry entry) {
            if (entry instanceof TreeEntry.NodeEntry n) {
                NodeStatus node = n.node();
                return List.of(node.node(), node.reachability(), node.role(), node.error(), detailLine(n.cluster(), node));
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
                return;
            }
            if (entry instanceof TreeEntry.NodeEntry n) {
                setGraphic(nodeRow(n.cluster(), n.node()));
                if (!n.node().error().isEmpty()) {
                    setTooltip(new Tooltip(n.node().error()));
                }
            } else if (entry instanceof TreeEntry.ClusterEntry c) {
                setGraphic(clusterRow(c.cluster()));
            }
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

        private static VBox nodeRow(ClusterStatus cluster, NodeStatus node) {
            HBox top = NodeBadges.header(node, "tree-node-name");
            Label detail = new Label(detailLine(cluster, node));
            detail.getStyleClass().add("tree-muted");
            VBox box = new VBox(2, top, detail);
            box.setMinWidth(0);
            return box;
        }

        private static String detailLine(ClusterStatus cluster, NodeStatus node) {
            if (!node.isUp()) {
                return node.address() + " · " + (node.error().isEmpty() ? "connecting…" : "unreachable");
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
