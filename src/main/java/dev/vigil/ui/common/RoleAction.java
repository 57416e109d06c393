package dev.vigil.ui.common;

import java.util.Optional;

/**
 * A change of roles the console offers on a node or a cluster: what it is called in a menu or on a button,
 * whether it can start now, and if not, why.
 *
 * @param node   the candidate of a switchover or failover, the node to rejoin; empty for "fail over to the
 *               most advanced standby"
 * @param whyNot for people, when not {@code enabled}: "pg1 is the primary and answers: switch over instead"
 */
public record RoleAction(Kind kind, Optional<String> node, boolean enabled, String whyNot) {

    public enum Kind { SWITCHOVER, FAILOVER, REJOIN }

    public static RoleAction enabled(Kind kind, Optional<String> node) {
        return new RoleAction(kind, node, true, "");
    }

    static RoleAction disabled(Kind kind, Optional<String> node, String why) {
        return new RoleAction(kind, node, false, why);
    }

    /** As a menu item says it: "Switch over to pg2…", "Fail over to pg3…", "Rejoin pg1 as a standby…". */
    public String label() {
        return switch (kind) {
            case SWITCHOVER -> "Switch over to " + node.orElse("?") + "…";
            case FAILOVER -> node.map(n -> "Fail over to " + n + "…").orElse("Fail over…");
            case REJOIN -> "Rejoin " + node.orElse("?") + " as a standby…";
        };
    }

    /** As a button beside the topology says it: shorter, the node still named. */
    public String buttonLabel() {
        return kind == Kind.REJOIN ? "Rejoin " + node.orElse("?") + "…" : label();
    }

    /** What it does, in one line, for a tooltip of an enabled action. */
    public String explanation() {
        return switch (kind) {
            case SWITCHOVER -> "Planned: the primary stops cleanly and " + node.orElse("the standby")
                    + " takes over with nothing lost. Shows the plan and prechecks before anything runs.";
            case FAILOVER -> "The primary is gone: " + node.orElse("the most advanced standby") + " is promoted and the "
                    + "old primary fenced. Shows the data-loss estimate and prechecks before anything runs.";
            case REJOIN -> node.orElse("The node") + " comes back as a standby of the primary (re-pointed, rewound or "
                    + "re-cloned). Shows the plan and prechecks before anything runs.";
        };
    }

    /** A stable id for tests and CSS: "action-switchover-pg2", "action-failover". */
    public String id() {
        return "action-" + kind.name().toLowerCase(java.util.Locale.ROOT) + node.map(n -> "-" + n).orElse("");
    }
}
