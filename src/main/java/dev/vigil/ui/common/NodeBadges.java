package dev.vigil.ui.common;

import dev.vigil.cluster.NodeStatus;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;

/** The small marks used wherever a node appears: a health dot and a role badge. */
public final class NodeBadges {
    private NodeBadges() {}

    static Circle healthDot(NodeStatus node) {
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("health-dot", "health-" + node.reachability().name().toLowerCase());
        return dot;
    }

    /** Health dot, name and role badge on one line, the badge pushed to the right edge. */
    public static javafx.scene.layout.HBox header(NodeStatus node, String nameStyle) {
        return header(node, nameStyle, false);
    }

    /** The same; a node a failover fenced gets a FENCED badge (instead of DOWN while it is down). */
    public static javafx.scene.layout.HBox header(NodeStatus node, String nameStyle, boolean fenced) {
        Label name = new Label(node.node());
        name.getStyleClass().add(nameStyle);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox header = new javafx.scene.layout.HBox(8, healthDot(node), name, spacer);
        if (!fenced || node.isUp()) {
            header.getChildren().add(roleBadge(node));
        }
        if (fenced) {
            header.getChildren().add(fencedBadge());
        }
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return header;
    }

    static Label fencedBadge() {
        Label badge = new Label("FENCED");
        badge.getStyleClass().addAll("role-badge", "role-down", "role-fenced");
        return badge;
    }

    static Label roleBadge(NodeStatus node) {
        String text = switch (node.role()) {
            case PRIMARY -> "PRIMARY";
            case STANDBY -> "STANDBY";
            case UNKNOWN -> switch (node.reachability()) {
                case CONNECTING -> "CONNECTING";
                // Late: the last role, greyed, with the age of the last good sample; never as if live.
                case LATE -> "LATE " + node.lastGoodAge(java.time.Instant.now())
                        .map(a -> String.format(java.util.Locale.ROOT, "%.0fs", a.toMillis() / 1000.0)).orElse("")
                        + (node.lastKnownRole() == NodeStatus.Role.PRIMARY ? " (was primary)" : " (was standby)");
                default -> "DOWN";
            };
        };
        Label badge = new Label(text);
        badge.getStyleClass().addAll("role-badge", "role-" + text.split(" ")[0].toLowerCase());
        if (!node.error().isEmpty() && !node.isUp()) {
            badge.setTooltip(new javafx.scene.control.Tooltip(node.error()));
        }
        return badge;
    }
}
