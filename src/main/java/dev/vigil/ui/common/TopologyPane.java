package dev.vigil.ui.common;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * The replication topology as a picture: the primary on the left, its standbys to the right, cascades further
 * right; each arrow runs upstream → standby, coloured by health and labelled with state, sync state and lag.
 */
public final class TopologyPane extends Pane {
    private static final double BOX_W = 190;
    private static final double BOX_H = 58;
    private static final double COLUMN_GAP = 250;
    private static final double ROW_GAP = 60;
    private static final double PAD = 16;

    public TopologyPane() {
        getStyleClass().add("topology");
        setId("topology");
    }

    public void show(ReplicationTopology topology) {
        getChildren().clear();
        Map<String, double[]> at = new HashMap<>();
        int maxDepth = topology.members().stream().mapToInt(ReplicationTopology.Member::depth).max().orElse(0);
        double tallest = 0;
        for (int depth = 0; depth <= maxDepth; depth++) {
            int d = depth;
            List<ReplicationTopology.Member> column = topology.members().stream().filter(m -> m.depth() == d).toList();
            for (int i = 0; i < column.size(); i++) {
                double x = PAD + depth * (BOX_W + COLUMN_GAP);
                double y = PAD + i * (BOX_H + ROW_GAP);
                at.put(column.get(i).node(), new double[] {x, y});
                tallest = Math.max(tallest, y + BOX_H + PAD);
            }
        }
        Group arrows = new Group();
        for (ReplicationTopology.Link link : topology.links()) {
            double[] to = at.get(link.standby());
            double[] from = at.get(link.upstream());
            if (to == null) {
                continue;
            }
            String health = link.health().name().toLowerCase(Locale.ROOT);
            if (from == null) {
                Label lost = pill("✕ " + link.verdict(), health);
                lost.relocate(to[0] - 150, to[1] + BOX_H / 2 - 12);
                arrows.getChildren().add(lost);
                continue;
            }
            double x1 = from[0] + BOX_W;
            double y1 = from[1] + BOX_H / 2;
            double x2 = to[0];
            double y2 = to[1] + BOX_H / 2;
            Line line = new Line(x1, y1, x2 - 8, y2);
            line.getStyleClass().addAll("topology-link", health);
            double angle = Math.atan2(y2 - y1, x2 - x1);
            Polygon head = new Polygon(x2, y2, x2 - 11 * Math.cos(angle - 0.4), y2 - 11 * Math.sin(angle - 0.4),
                    x2 - 11 * Math.cos(angle + 0.4), y2 - 11 * Math.sin(angle + 0.4));
            head.getStyleClass().addAll("topology-head", health);
            Label label = pill(linkText(link), health);
            label.setId("link-" + link.standby());
            label.setUserData(link.health());
            // Centred on the link once its size is known (a label has no size before its first layout).
            double mx = (x1 + x2) / 2;
            double my = (y1 + y2) / 2;
            label.layoutXProperty().bind(label.widthProperty().divide(-2).add(mx));
            label.layoutYProperty().bind(label.heightProperty().divide(-2).add(my));
            arrows.getChildren().addAll(line, head, label);
        }
        getChildren().add(arrows);
        for (ReplicationTopology.Member member : topology.members()) {
            double[] p = at.get(member.node());
            VBox box = memberBox(member, topology);
            box.relocate(p[0], p[1]);
            getChildren().add(box);
        }
        arrows.toFront();
        setPrefHeight(tallest);
        setMinHeight(tallest);
        setPrefWidth(PAD * 2 + (maxDepth + 1) * BOX_W + maxDepth * COLUMN_GAP);
    }

    private static String linkText(ReplicationTopology.Link link) {
        StringBuilder s = new StringBuilder(link.state());
        if (!link.syncState().isEmpty()) {
            s.append(" · ").append(link.syncState());
        }
        s.append('\n').append(link.replayLagBytes().map(Format::bytes).orElse("? B"))
                .append(" · ").append(link.replayLagSeconds().map(x -> String.format(Locale.ROOT, "%.1f s", x)).orElse("? s"));
        if (!"in step".equals(link.verdict())) {
            s.append(" · ").append(link.verdict());
        }
        return s.toString();
    }

    private static Label pill(String text, String health) {
        Label label = new Label(text);
        label.getStyleClass().addAll("topology-label", health);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static VBox memberBox(ReplicationTopology.Member member, ReplicationTopology topology) {
        Label name = new Label(member.node());
        name.getStyleClass().add("topology-name");
        String role = member.fenced() && !member.up() ? "FENCED" : !member.up() ? "UNREACHABLE" : member.role().name();
        Label badge = new Label(role);
        badge.getStyleClass().addAll("role-badge", !member.up() ? "role-down"
                : member.role() == dev.vigil.cluster.NodeStatus.Role.PRIMARY ? "role-primary" : "role-standby");
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(8, name, badge);
        top.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label(member.fenced() ? "fenced · needs rejoin"
                : member.role() == dev.vigil.cluster.NodeStatus.Role.STANDBY
                ? (member.upstream().isEmpty() ? "no upstream" : "from " + member.upstream())
                : member.role() == dev.vigil.cluster.NodeStatus.Role.PRIMARY ? "accepts writes" : "");
        detail.getStyleClass().add(member.fenced() ? "topology-fenced" : "tree-muted");
        VBox box = new VBox(4, top, detail);
        box.getStyleClass().add("topology-node");
        if (member.fenced()) {
            box.getStyleClass().add("fenced");
        } else if (!member.up()) {
            box.getStyleClass().add("down");
        } else if (topology.splitBrain() && member.role() == dev.vigil.cluster.NodeStatus.Role.PRIMARY) {
            box.getStyleClass().add("split-brain");
        }
        box.setPrefSize(BOX_W, BOX_H);
        box.setMinSize(BOX_W, BOX_H);
        box.setId("topology-" + member.node());
        return box;
    }
}
