package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.UpstreamNames;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.control.ControlAction;
import dev.vigil.ops.control.ControlException;
import dev.vigil.ops.control.ControlResultUnknownException;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.control.ProcessState;
import dev.vigil.ops.workflow.Command;
import dev.vigil.ops.workflow.NotSentException;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ops.workflow.WorkflowContext;
import dev.vigil.os.Poll;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Steps switchover, failover and rejoin share: promote, check the promotion, re-point, re-read the roles. */
final class FailoverSteps {
    /**
     * Promotion and replay finish within milliseconds of their trigger and the write outage lasts until they are
     * seen, so these looks (a light query on one kept connection) come close together.
     */
    static final Duration POLL = Duration.ofMillis(20);
    /**
     * A re-pointed receiver takes some hundred milliseconds to restart, and each look also asks its upstream on a
     * new connection: five looks a second are enough.
     */
    static final Duration STREAM_POLL = Duration.ofMillis(100);
    /** A server that is starting refuses connections for a while: asking five times a second does not hurry it. */
    static final Duration START_POLL = Duration.ofMillis(200);
    static final Duration VERIFY_PROMOTED = Duration.ofSeconds(15);

    private FailoverSteps() {}

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a fresh operator connection whose statements may take up to {@code statementLimit}. */
    static <T> T asOperator(ClusterDefinition cluster, NodeEndpoint node, Duration statementLimit, WorkflowContext context,
                            SqlWork<T> work) throws SQLException, NotSentException {
        ActionConnections.Limits limits = new ActionConnections.Limits(statementLimit, Duration.ofSeconds(2));
        Connection opened;
        try {
            opened = ActionConnections.operator(cluster, node, limits);
        } catch (SQLException | MissingOperatorLogin e) {
            throw new NotSentException("could not log in to " + node.name() + " (" + node.address() + ")", e);
        }
        try (Connection c = opened) {
            context.abortOnTimeout(() -> c.abort(Runnable::run));
            return work.run(c);
        }
    }

    static Step checkpoint(ClusterDefinition cluster, NodeEndpoint primary) {
        String sql = FailoverSql.CHECKPOINT.sql();
        return new Step("Checkpoint " + primary.name(), "so that the shutdown checkpoint has little left to write",
                primary.name(), Command.sql(sql), Duration.ofSeconds(120), context -> {
            asOperator(cluster, primary, Duration.ofSeconds(110), context, c -> {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
                return null;
            });
            return StepResult.done("CHECKPOINT on " + primary.name() + " done");
        });
    }

    /**
     * The physical slot {@code standby} names in primary_slot_name, created on {@code upstream} before the standby is
     * re-pointed there: without it the standby's receiver is refused ("replication slot does not exist").
     */
    static Step createSlot(ClusterDefinition cluster, NodeEndpoint upstream, String slot, String standby) {
        String sql = FailoverSql.CREATE_SLOT.sql();
        return new Step("Create slot '" + slot + "' on " + upstream.name() + " for " + standby, standby
                + " streams through it (primary_slot_name); WAL is reserved from now", upstream.name(),
                Command.sql(sql, slot, slot), Duration.ofSeconds(30), context -> {
            boolean created = asOperator(cluster, upstream, Duration.ofSeconds(20), context, c -> {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.setString(1, slot);
                    st.setString(2, slot);
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next();
                    }
                }
            });
            return StepResult.done(created ? "slot '" + slot + "' created on " + upstream.name()
                    : "slot '" + slot + "' was there already on " + upstream.name(), Map.of("slot", slot));
        }).withRole(StepRoles.CREATE_SLOT);
    }

    /** The slots a plan creates, by name (the first value its step binds). */
    static List<String> slotsCreated(Plan plan) {
        return plan.steps().stream().filter(s -> s.role().equals(StepRoles.CREATE_SLOT))
                .map(s -> s.command().parameters().get(0).toString()).toList();
    }

    /** The slots whose creation steps are done in {@code attempted}. */
    static List<String> slotsCreated(List<dev.vigil.ops.workflow.StepRecord> attempted) {
        return attempted.stream().filter(r -> r.done() && r.role().equals(StepRoles.CREATE_SLOT))
                .map(r -> r.facts().get("slot")).toList();
    }

    static boolean createsSlots(Plan plan) {
        return !slotsCreated(plan).isEmpty();
    }

    /** Whether a node is down, and what says so or what says it is not. */
    record Liveness(boolean down, String evidence) {}

    /**
     * Whether {@code node} is down after a stop: its process does not run (with {@code confirmedStopped}, the
     * provider must say "stopped", not merely "unknown"), and no server answers at its address. One status read.
     */
    static Liveness liveness(NodeEndpoint node, NodeControl control, boolean confirmedStopped) {
        ProcessState s = control.state(node.name());
        if (s.state() == ProcessState.State.RUNNING) {
            return new Liveness(false, node.name() + " still runs (" + s.evidence() + ")");
        }
        if (confirmedStopped && !s.confirmedDown()) {
            return new Liveness(false, node.name() + " is not confirmed stopped (" + s.evidence() + ")");
        }
        try (Connection c = ActionConnections.reader(node, ReplicationReads.READ_LIMITS)) {
            return new Liveness(false, node.name() + " still accepts connections at " + node.address());
        } catch (SQLException e) {
            return FailoverWorkflow.noServerAnswered(e) ? new Liveness(true, s.evidence())
                    : new Liveness(false, node.name() + " still answers (" + e.getMessage() + ")");
        }
    }

    /** A node control action as a step: the provider's command, run once within the step's time limit. */
    static Step control(String title, String detail, String node, ControlAction action, Duration timeout,
                        Step.Action after) {
        // The provider's status read after the action may itself take up to half a minute.
        return new Step(title, detail, node, action.command(), after == null ? timeout : timeout.plusSeconds(35), context -> {
            String said;
            try {
                said = action.run(timeout);
            } catch (ControlException e) {
                return controlFailure(e);
            }
            StepResult then = after == null ? null : after.run(context);
            if (then == null) {
                return StepResult.done(said);
            }
            return new StepResult(then.outcome(), said + "; " + then.detail(), then.facts());
        });
    }

    /** A command that ran out of time may have acted; one that exited non-zero is reported as failed. */
    static StepResult controlFailure(ControlException e) {
        return e instanceof ControlResultUnknownException ? StepResult.unknown(e.getMessage())
                : StepResult.failed(e.getMessage());
    }

    /**
     * After a node was started to follow a primary: it must come up in recovery. If it came up writable (a provider
     * command that did not make it a standby), it is fenced at once and the step fails loudly.
     */
    static StepResult ensureStandby(NodeEndpoint node, dev.vigil.ops.control.NodeControl control, Duration limit,
                                    WorkflowContext context) throws Exception {
        Poll.Outcome<Boolean> up = context.poll(START_POLL, limit).reconnecting(
                () -> ActionConnections.reader(node, ReplicationReads.READ_LIMITS), c -> Poll.Look.done(inRecovery(c)));
        if (up.value().isEmpty()) {
            return StepResult.unknown(node.name() + " did not answer within " + limit.toSeconds() + " s after its start ("
                    + up.evidence() + "); look at it before anything else");
        }
        if (up.value().get()) {
            return StepResult.done(node.name() + " is up in recovery");
        }
        String fenced = control.fence(node.name()).or(() -> control.stop(node.name())).map(a -> {
            try {
                a.run(Duration.ofSeconds(60));
                return "it was fenced at once";
            } catch (ControlException e) {
                return "FENCING IT FAILED: " + e.getMessage();
            }
        }).orElse("Vigil cannot stop it: STOP IT NOW");
        return StepResult.failed(node.name() + " STARTED AS A PRIMARY (not in recovery); " + fenced
                + ". Check its standby.signal and the provider's make_standby command.");
    }

    private static boolean inRecovery(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * @param beforeSend runs once the candidate is reached, just before pg_promote goes out: from then on the old
     *                   primary must never start as a primary again, so this is where it is marked
     */
    static Step promote(ClusterDefinition cluster, NodeEndpoint candidate, FailoverSettings settings,
                        Runnable beforeSend) {
        int waitSeconds = (int) Math.max(1, settings.promote().toSeconds());
        String sql = FailoverSql.PROMOTE.sql();
        return new Step("Promote " + candidate.name(), "ends recovery; " + candidate.name() + " starts a new timeline "
                + "and accepts writes", candidate.name(), Command.sql(sql, waitSeconds),
                settings.promote().plusSeconds(10), context -> {
            boolean promoted = asOperator(cluster, candidate, settings.promote().plusSeconds(5), context, c -> {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    beforeSend.run();
                    st.setInt(1, waitSeconds);
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                }
            });
            return promoted ? StepResult.done(candidate.name() + " promoted: pg_promote returned true")
                    : StepResult.unknown("pg_promote did not finish within " + waitSeconds + " s; " + candidate.name()
                    + " may still leave recovery later");
        }).withRole(StepRoles.PROMOTE);
    }

    /** Waits until the candidate is out of recovery on a timeline after {@code oldTimeline}. */
    static Step verifyPromoted(NodeEndpoint candidate, int oldTimeline) {
        return new Step("Check that " + candidate.name() + " is a primary", "out of recovery, on timeline "
                + (oldTimeline + 1) + " or later", candidate.name(),
                Command.described("poll " + candidate.name() + ": pg_is_in_recovery() = false and its timeline > "
                        + oldTimeline), VERIFY_PROMOTED.plusSeconds(5), context -> {
            Poll.Outcome<Integer> seen = context.poll(POLL, VERIFY_PROMOTED).over(
                    context.aborting(() -> ActionConnections.reader(candidate, ReplicationReads.READ_LIMITS)),
                    c -> promotedPast(c, oldTimeline));
            if (seen.met()) {
                return StepResult.done(candidate.name() + " is a primary on timeline " + seen.value().get(),
                        Map.of("timeline", Integer.toString(seen.value().get())));
            }
            return StepResult.failed(candidate.name() + " is not a primary on a new timeline after "
                    + VERIFY_PROMOTED.toSeconds() + " s (" + seen.evidence() + ")");
        }).withRole(StepRoles.CHECK_PROMOTED);
    }

    /** Done with the timeline once the node is out of recovery on a timeline after {@code oldTimeline}. */
    private static Poll.Look<Integer> promotedPast(Connection c, int oldTimeline) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FailoverSql.PROMOTED.sql())) {
            rs.next();
            boolean inRecovery = rs.getBoolean("in_recovery");
            Integer tl = (Integer) rs.getObject("timeline");
            if (!inRecovery && tl != null && tl > oldTimeline) {
                return Poll.Look.done(tl);
            }
            return Poll.Look.notYet(inRecovery ? "in recovery" : "out of recovery, timeline " + tl);
        }
    }

    /**
     * Points a standby at the new primary with ALTER SYSTEM and a reload (13+ restarts the WAL receiver without a
     * restart of the server), then waits until it streams from there.
     */
    static Step repoint(ClusterDefinition cluster, NodeEndpoint standby, NodeEndpoint newPrimary, Conninfo target,
                        FailoverSettings settings) {
        String set = SetConninfo.sql(target.render());
        String shown = SetConninfo.sql(target.renderMasked()) + ";\n" + FailoverSql.RELOAD.sql()
                + ";\n-- then wait until pg_stat_wal_receiver on " + standby.name() + " streams from " + newPrimary.address();
        return new Step("Re-point " + standby.name() + " to " + newPrimary.name(), "its primary_conninfo names "
                + newPrimary.address() + "; it follows the new timeline", standby.name(), Command.described(shown),
                settings.stream().plusSeconds(10), context -> {
            asOperator(cluster, standby, Duration.ofSeconds(5), context, c -> {
                try (Statement st = c.createStatement()) {
                    st.execute(set);
                    st.execute(FailoverSql.RELOAD.sql());
                }
                return null;
            });
            return awaitStreaming(standby, newPrimary, settings.stream(), context);
        });
    }

    static StepResult awaitStreaming(NodeEndpoint standby, NodeEndpoint upstream, Duration limit,
                                     WorkflowContext context) throws Exception {
        Poll.Outcome<Receiver> seen = context.poll(STREAM_POLL, limit).reconnecting(
                context.aborting(() -> ActionConnections.reader(standby, ReplicationReads.READ_LIMITS)), c -> {
            Receiver r = receiver(c);
            return r.streamingFrom(upstream) && upstreamAgrees(standby, upstream) ? Poll.Look.done(r)
                    : Poll.Look.notYet(r.describe());
        });
        if (seen.met()) {
            return StepResult.done(standby.name() + " streams from " + upstream.name());
        }
        return StepResult.failed(standby.name() + " does not stream from " + upstream.name() + " after "
                + limit.toSeconds() + " s (" + seen.evidence() + ")");
    }

    /**
     * The upstream's side of the link: a standby that connects and is turned away (its history forked) shows
     * "streaming" for a moment at its end, never at the upstream. Vigil names each standby's connection after its
     * node (application_name), so it must be listed there as streaming.
     */
    private static boolean upstreamAgrees(NodeEndpoint standby, NodeEndpoint upstream) {
        try {
            List<ReplicationReads.Downstream> down = ReplicationReads.downstream(upstream);
            return down.stream().anyMatch(d -> d.applicationName().equals(standby.name()) && "streaming".equals(d.state()));
        } catch (SQLException e) {
            return false;
        }
    }

    record Receiver(boolean inRecovery, Optional<String> status, Optional<String> host, Optional<Integer> port) {
        boolean streamingFrom(NodeEndpoint upstream) {
            return inRecovery && status.filter("streaming"::equals).isPresent() && port.filter(p -> p == upstream.port()).isPresent()
                    && host.filter(h -> h.equalsIgnoreCase(upstream.host())
                    || (UpstreamNames.local(h) && UpstreamNames.local(upstream.host()))).isPresent();
        }

        String describe() {
            if (!inRecovery) {
                return "it is not in recovery";
            }
            return "receiver " + status.orElse("not running") + host.map(h -> ", sender " + h + port.map(p -> ":" + p).orElse("")).orElse("");
        }
    }

    static Receiver receiver(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FailoverSql.RECEIVER.sql())) {
            rs.next();
            return new Receiver(rs.getBoolean("in_recovery"), Optional.ofNullable(rs.getString("status")),
                    Optional.ofNullable(rs.getString("sender_host")), Optional.ofNullable((Integer) rs.getObject("sender_port")));
        }
    }

    /** Reads every node again and says who is what now; fails unless {@code primary} is the only primary. */
    static Step refreshRoles(ClusterDefinition cluster, String primary) {
        return new Step("Read the roles again", "the console and the journal show who is primary now", primary,
                Command.described("read pg_is_in_recovery() and pg_stat_wal_receiver on every node of " + cluster.name()),
                Duration.ofSeconds(20), context -> {
            ClusterReading now = ReplicationReads.readCluster(cluster, context);
            String roles = describeRoles(now);
            Map<String, String> facts = now.nodes().stream().collect(Collectors.toMap(NodeReading::node,
                    r -> r.state().map(s -> s.inRecovery() ? "standby" : "primary").orElse("unreachable")));
            boolean ok = now.primaries().size() == 1 && now.primaries().get(0).node().equals(primary);
            return ok ? StepResult.done(roles, facts) : new StepResult(dev.vigil.ops.workflow.StepOutcome.FAILED,
                    "expected " + primary + " as the only primary; found: " + roles, facts);
        });
    }

    static String describeRoles(ClusterReading now) {
        return now.nodes().stream().map(r -> r.state().map(s -> s.inRecovery()
                        ? r.node() + " standby" + now.upstreamOf(s).map(u -> " of " + u).orElse("")
                        + (s.streaming() ? " (streaming)" : " (not streaming)")
                        : r.node() + " primary" + s.timeline().map(t -> " on timeline " + t).orElse(""))
                .orElse(r.node() + " unreachable")).collect(Collectors.joining("; "));
    }
}
