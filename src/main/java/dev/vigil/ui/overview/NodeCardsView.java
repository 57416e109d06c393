package dev.vigil.ui.overview;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.NodeBadges;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The selected cluster at a glance: a headline saying what is wrong (or that nothing is), and a card per node. */
final class NodeCardsView extends VBox {
    private static final double CARD_WIDTH = 320;
    private static final double KEY_COLUMN_WIDTH = 70;
    private final Label headline = new Label();
    private final Label subline = new Label();
    private final FlowPane cards = new FlowPane(16, 16);
    private final java.util.Map<String, Card> built = new java.util.HashMap<>();

    NodeCardsView() {
        getStyleClass().add("overview");
        headline.getStyleClass().add("overview-headline");
        subline.getStyleClass().add("overview-subline");
        cards.getStyleClass().add("node-cards");
        setSpacing(6);
        getChildren().addAll(headline, subline, cards);
        VBox.setMargin(cards, new javafx.geometry.Insets(14, 0, 0, 0));
    }

    void show(ClusterStatus cluster) {
        headline.setText(headlineFor(cluster));
        headline.getStyleClass().removeAll("headline-ok", "headline-alarm");
        headline.getStyleClass().add(cluster.splitBrain() || cluster.primary().isEmpty()
                || cluster.reachableCount() < cluster.nodes().size() ? "headline-alarm" : "headline-ok");
        subline.setText(sublineFor(cluster));
        // Cards are rebuilt only when what they say changes; the ticking "Up for" line is updated in place.
        java.util.List<VBox> shown = new java.util.ArrayList<>();
        for (NodeStatus node : cluster.nodes()) {
            String key = cardKey(cluster, node);
            Card card = built.get(node.node());
            if (card == null || !card.key().equals(key)) {
                card = card(cluster, node, key);
                built.put(node.node(), card);
            }
            if (card.live() != null) {
                card.live().setText(node.isLate() ? lastGoodLine(node) : liveLine(node));
            }
            shown.add(card.box());
        }
        built.keySet().retainAll(cluster.nodes().stream().map(NodeStatus::node).toList());
        if (!cards.getChildren().equals(shown)) {
            cards.getChildren().setAll(shown);
        }
    }

    /** One node's card and its one label that changes every tick. */
    private record Card(VBox box, Label live, String key) {}

    private static String cardKey(ClusterStatus cluster, NodeStatus n) {
        return String.join("|", n.address(), n.reachability().name(), n.role().name(), n.error(), n.version(),
                String.valueOf(n.timeline()), String.valueOf(n.inRecovery()),
                String.valueOf(n.upstreamAddress().map(cluster::nodeNameFor)), String.valueOf(n.receiverState()),
                String.valueOf(n.replayBacklogBytes()));
    }

    private static String liveLine(NodeStatus node) {
        return node.serverStartedAt().map(t -> Format.duration(Duration.between(t, Instant.now()))).orElse("–")
                + " · probe " + Format.duration(node.roundTrip());
    }

    /** A late node's age of its last good sample, ticking while it stays late. */
    private static String lastGoodLine(NodeStatus node) {
        return node.lastGoodAge(Instant.now()).map(Format::duration).orElse("–") + " ago · "
                + (node.lastKnownRole() == NodeStatus.Role.PRIMARY ? "was primary" : "was standby");
    }

    static String headlineFor(ClusterStatus cluster) {
        if (cluster.splitBrain()) {
            return "Split-brain: " + cluster.primaries().stream().map(NodeStatus::node).toList() + " all accept writes";
        }
        long down = cluster.nodes().stream().filter(NodeStatus::isDown).count();
        long late = cluster.nodes().stream().filter(NodeStatus::isLate).count();
        // A late primary is not a lost one: its answer is overdue, not refused.
        String primary = cluster.primary().map(p -> "primary " + p.node()).orElseGet(() -> cluster.latePrimary()
                .map(p -> "primary " + p.node() + " late").orElse("no primary reachable"));
        long streaming = cluster.nodes().stream()
                .filter(n -> n.isUp() && n.inRecovery() && n.receiverState().map("streaming"::equals).orElse(false))
                // A receiver can still say "streaming" for seconds after its sender died: that streams from nobody.
                .filter(n -> cluster.downUpstreamOf(n).isEmpty())
                .count();
        String standbys = streaming + " standby" + (streaming == 1 ? "" : "s") + " streaming";
        return "Cluster " + cluster.cluster() + " · " + primary + " · " + standbys
                + (down > 0 ? " · " + down + " down" : "") + (late > 0 ? " · " + late + " late" : "");
    }

    private static String sublineFor(ClusterStatus cluster) {
        return cluster.nodes().stream().filter(NodeStatus::isUp).map(NodeStatus::version).findFirst()
                .map(v -> "PostgreSQL " + v + " · " + cluster.nodes().size() + " nodes").orElse("waiting for nodes…");
    }

    private static Card card(ClusterStatus cluster, NodeStatus node, String key) {
        Label live = null;
        HBox header = NodeBadges.header(node, "card-title");

        GridPane facts = new GridPane();
        facts.getStyleClass().add("card-facts");
        facts.setHgap(14);
        facts.setVgap(5);
        // One key column width for every card, so values line up across the row of cards.
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(KEY_COLUMN_WIDTH);
        facts.getColumnConstraints().add(keys);
        int row = 0;
        row = fact(facts, row, "Address", node.address());
        if (node.isUp()) {
            // Four rows, so the cards leave the Overview's charts in view.
            row = fact(facts, row, "Server", "PG " + node.version() + " · TL "
                    + node.timeline().map(String::valueOf).orElse("–") + " · "
                    + (node.inRecovery() ? "read-only" : "read-write"));
            if (node.inRecovery()) {
                row = fact(facts, row, "Upstream", node.upstreamAddress().map(cluster::nodeNameFor)
                        .map(up -> up + " · " + node.receiverState().orElse("?")).orElse("not streaming")
                        + node.replayBacklogBytes().map(b -> " · replay " + Format.bytes(b)).orElse(""));
            }
            fact(facts, row, "Up for", liveLine(node));
            live = (Label) facts.getChildren().get(facts.getChildren().size() - 1);
        } else if (node.isLate()) {
            // The last good values, greyed, with their age: known once, not now.
            row = fact(facts, row, "Last good", lastGoodLine(node));
            live = (Label) facts.getChildren().get(facts.getChildren().size() - 1);
            row = fact(facts, row, "Server", "PG " + node.version() + " · TL "
                    + node.timeline().map(String::valueOf).orElse("–"));
            facts.getChildren().forEach(c -> c.getStyleClass().add("fact-stale"));
            Label why = new Label(node.error());
            why.getStyleClass().add("card-error");
            why.setWrapText(true);
            why.setMaxWidth(260);
            facts.add(why, 0, row, 2, 1);
        } else {
            Label error = new Label(node.error().isEmpty() ? "Connecting…" : node.error());
            error.getStyleClass().add("card-error");
            error.setWrapText(true);
            error.setMaxWidth(260);
            facts.add(error, 0, row, 2, 1);
        }
        VBox card = new VBox(12, header, facts);
        card.getStyleClass().addAll("node-card", "node-card-" + node.role().name().toLowerCase());
        card.setPrefWidth(CARD_WIDTH);
        return new Card(card, live, key);
    }

    private static int fact(GridPane grid, int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("fact-key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        grid.addRow(row, k, v);
        return row + 1;
    }
}
