package dev.vigil.ui.common;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster before and after a workflow that changes roles, row by row (one row per node, the same order on
 * both sides) so that the eye reads across what happens to each node. Pure: topologies in, rows out.
 *
 * @param focus the node the workflow acts on (the candidate, the node to rejoin), if any
 */
public record TopologyChange(List<Row> rows, Optional<String> focus) {

    public TopologyChange {
        rows = List.copyOf(rows);
    }

    /** How a node looks on one side: its badge, whom it follows, its timeline, a note ("fenced · needs rejoin"). */
    public record Side(Badge badge, Optional<String> upstream, Optional<Integer> timeline, String note) {
        /** "← pg1 · TL 2", "accepts writes · TL 2", "connection refused". */
        public String detail() {
            List<String> parts = new ArrayList<>();
            switch (badge) {
                case PRIMARY -> parts.add("accepts writes");
                case STANDBY -> parts.add(upstream.map(u -> "← " + u).orElse("not streaming"));
                default -> {
                    // the note says it
                }
            }
            if (!note.isEmpty()) {
                parts.add(note);
            }
            timeline.ifPresent(t -> parts.add("TL " + t));
            return String.join(" · ", parts);
        }
    }

    public enum Badge {
        PRIMARY, STANDBY, FENCED, STOPPED, DOWN, UNKNOWN;

        public String text() {
            return name();
        }

        public String style() {
            return "role-" + switch (this) {
                case PRIMARY -> "primary";
                case STANDBY -> "standby";
                case FENCED, STOPPED, DOWN -> "down";
                case UNKNOWN -> "connecting";
            };
        }
    }

    /** One node: before, after, and whether its role or upstream changes (a timeline switch alone does not count). */
    public record Row(String node, Side before, Side after) {
        public boolean changes() {
            return before.badge() != after.badge() || !before.upstream().equals(after.upstream());
        }
    }

    /** Empty when the workflow keeps the roles as they are (cancel, terminate): nothing to compare. */
    public static Optional<TopologyChange> of(Topology before, Optional<Topology> after, Set<String> fenced) {
        if (after.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (TopologyNode b : before.nodes()) {
            TopologyNode a = after.get().node(b.node()).orElse(b);
            rows.add(new Row(b.node(), side(b, fenced.contains(b.node())), side(a, false)));
        }
        return Optional.of(new TopologyChange(rows, before.focus()));
    }

    /** pgJDBC's "Connection to … refused. Check that the hostname …": the part before the advice. */
    static String firstSentence(String error) {
        int dot = error.indexOf(". ");
        String s = dot > 0 ? error.substring(0, dot) : error;
        return s.length() > 70 ? s.substring(0, 69) + "…" : s;
    }

    /**
     * {@code markedFenced}: listed in the fenced-node list (only "now": the workflow's intended topology says
     * itself who will be fenced, and a rejoin clears the mark).
     */
    private static Side side(TopologyNode n, boolean markedFenced) {
        if (!n.reachable()) {
            String error = n.error().toLowerCase(Locale.ROOT);
            if (markedFenced || error.contains("fenced")) {
                return new Side(Badge.FENCED, Optional.empty(), Optional.empty(), "fenced · needs rejoin");
            }
            if (error.startsWith("stopped")) {
                return new Side(Badge.STOPPED, Optional.empty(), Optional.empty(), "stopped · needs rejoin");
            }
            return new Side(Badge.DOWN, Optional.empty(), Optional.empty(), (dev.vigil.cluster.ConnectionFailure.kindOf(n.error()).isPresent() ? "" : "unreachable: ")
                    + firstSentence(n.error()));
        }
        Badge badge = n.role() == NodeStatus.Role.PRIMARY ? Badge.PRIMARY
                : n.role() == NodeStatus.Role.STANDBY ? Badge.STANDBY : Badge.UNKNOWN;
        return new Side(badge, badge == Badge.STANDBY ? n.upstream() : Optional.empty(), n.timeline(),
                markedFenced ? "marked fenced · needs rejoin" : "");
    }
}
