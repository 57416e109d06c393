package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.control.ControlAction;
import dev.vigil.ops.control.ControlException;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.control.ShutdownRecord;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Command;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowContext;
import dev.vigil.os.Poll;
import dev.vigil.sql.Lsn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A planned switchover: the healthy primary hands over to a standby with no acknowledged commit lost. The old
 * primary is stopped cleanly, the candidate is promoted only once it has replayed the old primary's shutdown
 * checkpoint (its last record), the other standbys are re-pointed, and the old primary comes back as a standby.
 */
public final class SwitchoverWorkflow implements Workflow {
    private final ClusterDefinition cluster;
    private final String candidate;
    private final NodeControl control;
    private final FailoverSettings settings;
    private final RoleChange roleChange;
    private final NodeFences fences;
    private final LiveReading live;
    private final SwitchoverChecks checks;
    private volatile ClusterReading planned;
    /** Where the stopped primary's WAL ends: its shutdown checkpoint, else the last LSN seen before the stop. */
    private volatile Lsn finalLsn;
    private volatile boolean finalLsnExact;

    public SwitchoverWorkflow(ClusterDefinition cluster, String candidate, NodeControl control, FailoverSettings settings,
                              NodeFences fences) {
        if (cluster.node(candidate).isEmpty()) {
            throw new IllegalArgumentException("cluster " + cluster.name() + " has no node " + candidate);
        }
        this.cluster = cluster;
        this.candidate = candidate;
        this.control = control;
        this.settings = settings.forCluster(cluster);
        this.roleChange = new RoleChange(cluster, this.settings);
        this.fences = fences;
        this.live = new LiveReading(cluster);
        this.checks = new SwitchoverChecks(cluster, candidate, control, settings, live);
    }

    @Override
    public String cluster() {
        return cluster.name();
    }

    @Override
    public String title() {
        return "Switch over " + cluster.name() + " to " + candidate;
    }

    @Override
    public String kind() {
        return "switchover";
    }

    @Override
    public Optional<String> node() {
        return Optional.of(candidate);
    }

    /** It stops the primary: the operator types the cluster name, as for a failover. */
    @Override
    public boolean requiresTypedConfirmation() {
        return true;
    }

    @Override
    public Topology topology(WorkflowContext context) {
        ClusterReading reading = live.fresh(context);
        planned = reading;
        return reading.topology(Optional.of(candidate));
    }

    /** The primary the plan hands over from: the only reachable primary, else the one the candidate follows. */
    Optional<String> oldPrimary() {
        ClusterReading r = planned;
        if (r == null) {
            return Optional.empty();
        }
        if (r.primaries().size() == 1) {
            return Optional.of(r.primaries().get(0).node());
        }
        return r.state(candidate).flatMap(r::upstreamOf);
    }

    /** Standbys that follow the old primary directly, other than the candidate; cascades follow by themselves. */
    List<String> siblings() {
        ClusterReading r = planned;
        return oldPrimary().map(p -> r.standbysOf(p).stream().map(NodeState::node).filter(n -> !n.equals(candidate))
                .toList()).orElse(List.of());
    }

    @Override
    public Plan plan(Topology topology) {
        Optional<String> primaryName = oldPrimary();
        ClusterReading r = planned;
        Optional<NodeState> cand = r == null ? Optional.empty() : r.state(candidate);
        if (primaryName.isEmpty() || cand.isEmpty() || primaryName.get().equals(candidate)) {
            return new Plan(List.of());
        }
        NodeEndpoint primary = endpoint(primaryName.get());
        NodeEndpoint next = endpoint(candidate);
        int timeline = r.state(primary.name()).flatMap(NodeState::timeline).or(cand.get()::timeline).orElse(0);
        List<Step> steps = new ArrayList<>();
        steps.add(FailoverSteps.checkpoint(cluster, primary));
        control.stop(primary.name()).ifPresent(stop -> steps.add(stopStep(primary, stop).withRole(StepRoles.STOP)));
        steps.add(catchUpStep(primary, next));
        roleChange.promote(steps, next, timeline, () -> markNeedsRejoin(primary));
        Optional<Conninfo> template = template(cand.get());
        roleChange.repoint(steps, r, siblings(), next, template);
        rejoinStep(primary, next, template).map(s -> s.withRole(StepRoles.REJOIN)).ifPresent(steps::add);
        steps.add(FailoverSteps.refreshRoles(cluster, candidate));
        // Without a stop step (no node control) the prechecks refuse the plan, and there is nothing to hold.
        return new Plan(steps, RoleChange.uninterruptible(steps, StepRoles.STOP, StepRoles.CHECK_PROMOTED,
                "stopping between " + primary.name() + "'s stop and " + candidate + "'s promotion would leave no primary"));
    }

    private Step stopStep(NodeEndpoint primary, ControlAction stop) {
        return new Step("Stop " + primary.name() + " cleanly", "writes stop here; the shutdown checkpoint is its last "
                + "WAL record", primary.name(), stop.command(), settings.control().plusSeconds(45), context -> {
            Optional<Lsn> lastSeen = currentLsn(primary);
            String said;
            try {
                said = stop.run(settings.control().minusSeconds(1));
            } catch (ControlException e) {
                return FailoverSteps.controlFailure(e);
            }
            FailoverSteps.Liveness after = FailoverSteps.liveness(primary, control, false);
            if (!after.down()) {
                return StepResult.failed("the stop command returned, but " + after.evidence() + ": not promoting");
            }
            Optional<ShutdownRecord> record = control.shutdownRecord(primary.name());
            Optional<String> mismatch = record.flatMap(r -> mismatch(r, lastSeen, primary));
            if (mismatch.isPresent()) {
                return StepResult.failed(mismatch.get() + ": not promoting");
            }
            if (record.isPresent() && !record.get().clean()) {
                return StepResult.failed(primary.name() + " did not shut down cleanly (pg_control: "
                        + record.get().state() + "), so the last record is not known: not promoting");
            }
            if (record.isPresent()) {
                finalLsn = record.get().checkpoint();
                finalLsnExact = true;
                return StepResult.done(said + "; shutdown checkpoint at " + finalLsn, Map.of("final_lsn", finalLsn.toString()));
            }
            if (lastSeen.isEmpty()) {
                return StepResult.failed(said + ", but neither its pg_control nor its last LSN could be read, so "
                        + "there is nothing to wait for: not promoting");
            }
            finalLsn = lastSeen.get();
            finalLsnExact = false;
            return StepResult.done(said + "; pg_control not readable here, last LSN seen " + finalLsn,
                    Map.of("last_seen_lsn", finalLsn.toString()));
        });
    }

    /**
     * pg_control that cannot be this server's last word: a checkpoint before the last LSN seen while it ran, or
     * another timeline (a control_data command pointed at the wrong data directory, say).
     */
    private Optional<String> mismatch(ShutdownRecord record, Optional<Lsn> lastSeen, NodeEndpoint primary) {
        Optional<Integer> timeline = planned.state(primary.name()).flatMap(NodeState::timeline);
        if (lastSeen.isPresent() && lastSeen.get().isAfter(record.checkpoint())) {
            return Optional.of("pg_control says the last checkpoint is " + record.checkpoint() + ", before the LSN "
                    + lastSeen.get() + " seen while " + primary.name() + " ran: it is not this server's pg_control");
        }
        if (timeline.isPresent() && timeline.get() != record.timeline()) {
            return Optional.of("pg_control is on timeline " + record.timeline() + ", " + primary.name() + " was on "
                    + timeline.get() + ": it is not this server's pg_control");
        }
        return Optional.empty();
    }

    private Step catchUpStep(NodeEndpoint primary, NodeEndpoint next) {
        return new Step("Wait until " + next.name() + " has replayed " + primary.name() + "'s last record",
                "so that every acknowledged commit is on " + next.name() + " before it is promoted", next.name(),
                Command.described("poll " + next.name() + ": " + FailoverSql.WAL_PROGRESS.sql().replaceAll("\\s+", " ")
                        + "  -- until replay_lsn is past the shutdown checkpoint, at most " + settings.catchUp().toSeconds()
                        + " s"), settings.catchUp().plusSeconds(5), context -> {
            Lsn target = finalLsn;
            if (target == null) {
                return StepResult.failed("the stop step left no LSN to wait for");
            }
            CatchUp catchUp = new CatchUp(next.name(), target, finalLsnExact);
            Poll.Outcome<StepResult> seen = context.poll(FailoverSteps.POLL, settings.catchUp()).over(
                    context.aborting(() -> ActionConnections.reader(next, ReplicationReads.READ_LIMITS)), catchUp::look);
            return seen.value().orElseGet(() -> StepResult.failed(next.name() + " had not replayed past " + target
                    + " after " + settings.catchUp().toSeconds() + " s (" + seen.evidence() + ")"));
        });
    }

    /** Whether the candidate has replayed all the stopped primary wrote, one look at a time. */
    private static final class CatchUp {
        /** Without pg_control, "all of it" is: nothing more arrives for this long, and all of it is replayed. */
        private static final long QUIET_NANOS = 500_000_000L;
        private final String node;
        private final Lsn target;
        private final boolean exact;
        private Lsn stableReceive;
        private long stableSince;

        CatchUp(String node, Lsn target, boolean exact) {
            this.node = node;
            this.target = target;
            this.exact = exact;
        }

        Poll.Look<StepResult> look(Connection c) throws SQLException {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FailoverSql.WAL_PROGRESS.sql())) {
                rs.next();
                Lsn replay = Optional.ofNullable(rs.getString("replay_lsn")).map(Lsn::parse).orElse(null);
                Lsn receive = Optional.ofNullable(rs.getString("receive_lsn")).map(Lsn::parse).orElse(null);
                String last = "received " + receive + ", replayed " + replay;
                if (replay != null && exact && replay.isAfter(target)) {
                    return Poll.Look.done(StepResult.done(node + " replayed past " + target + " (" + last + ")",
                            Map.of("replay_lsn", replay.toString())));
                }
                if (!exact && replay != null && receive != null && replay.compareTo(receive) >= 0
                        && replay.compareTo(target) >= 0) {
                    if (!receive.equals(stableReceive)) {
                        stableReceive = receive;
                        stableSince = System.nanoTime();
                    } else if (System.nanoTime() - stableSince > QUIET_NANOS) {
                        return Poll.Look.done(StepResult.done(node + " replayed all it received (" + last
                                + "), past the last LSN seen " + target, Map.of("replay_lsn", replay.toString())));
                    }
                }
                return Poll.Look.notYet(last);
            }
        }
    }

    /**
     * From the promotion on, the old primary must never start as a primary again; until then starting it again
     * is the way back, so it is marked only as pg_promote goes out.
     */
    private void markNeedsRejoin(NodeEndpoint primary) {
        fences.mark(cluster.name(), primary.name(), "stopped by a switchover to " + candidate + " at " + RoleChange.now()
                + "; rejoin it as a standby before it serves again");
    }

    private Optional<Step> rejoinStep(NodeEndpoint primary, NodeEndpoint next, Optional<Conninfo> template) {
        Optional<ControlAction> prepare = control.makeStandby(primary.name(), next);
        Optional<ControlAction> start = control.start(primary.name());
        if (prepare.isEmpty() || start.isEmpty() || template.isEmpty()) {
            return Optional.empty();
        }
        Conninfo target = template.get().pointedAt(next.host(), next.port(), primary.name());
        String shown = prepare.get().command().text() + "\n" + start.get().command().text() + "\n"
                + SetConninfo.sql(target.renderMasked()) + ";\n" + FailoverSql.RELOAD.sql()
                + ";\n-- then wait until pg_stat_wal_receiver on " + primary.name() + " streams from " + next.address();
        return Optional.of(new Step("Rejoin " + primary.name() + " as a standby of " + next.name(),
                "it stopped cleanly and " + next.name() + " replayed past its last record, so it can follow without "
                        + "a rewind", primary.name(), Command.described(shown), settings.control().multipliedBy(2).plus(settings.stream())
                .plusSeconds(20),
                context -> {
            try {
                prepare.get().run(settings.control());
                start.get().run(settings.control());
            } catch (ControlException e) {
                return FailoverSteps.controlFailure(e);
            }
            StepResult up = FailoverSteps.ensureStandby(primary, control, Duration.ofSeconds(30), context);
            if (up.outcome() != dev.vigil.ops.workflow.StepOutcome.DONE) {
                return up;
            }
            FailoverSteps.asOperator(cluster, primary, Duration.ofSeconds(5), context, c -> {
                try (Statement st = c.createStatement()) {
                    st.execute(SetConninfo.sql(target.render()));
                    st.execute(FailoverSql.RELOAD.sql());
                }
                return null;
            });
            StepResult r = FailoverSteps.awaitStreaming(primary, next, settings.stream(), context);
            if (r.outcome() == dev.vigil.ops.workflow.StepOutcome.DONE) {
                fences.clear(cluster.name(), primary.name());
            }
            return r;
        }));
    }

    /** The candidate's own primary_conninfo: the model for everyone who will follow it. */
    private static Optional<Conninfo> template(NodeState candidate) {
        return Conninfo.tryParse(candidate.primaryConninfo());
    }


    private Optional<Lsn> currentLsn(NodeEndpoint primary) {
        try (Connection c = ActionConnections.reader(primary, ReplicationReads.READ_LIMITS);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FailoverSql.CURRENT_LSN.sql())) {
            rs.next();
            return Optional.of(Lsn.parse(rs.getString(1)));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private NodeEndpoint endpoint(String name) {
        return cluster.node(name).orElseThrow();
    }

    @Override
    public List<Check> prechecks(Topology topology, Plan plan) {
        return checks.all(oldPrimary(), siblings(), plan);
    }

    @Override
    public Optional<Topology> intended(Topology before, Plan plan) {
        Optional<String> old = oldPrimary();
        if (old.isEmpty() || plan.size() == 0) {
            return Optional.empty();
        }
        boolean rejoins = StepRoles.planned(plan, StepRoles.REJOIN);
        TopologyNode was = before.nodes().stream().filter(n -> n.node().equals(old.get())).findFirst()
                .orElse(TopologyNode.unreachable(old.get(), "", "not read"));
        TopologyNode oldAfter = rejoins ? new TopologyNode(was.node(), was.address(), NodeStatus.Role.STANDBY,
                Optional.of(candidate), was.timeline().map(t -> t + 1), was.version(), "")
                : TopologyNode.unreachable(was.node(), was.address(), "stopped; needs rejoin");
        return Optional.of(AfterPicture.of(before, candidate, old.get(), siblings(), oldAfter));
    }

    @Override
    public String consequence(Topology topology, Plan plan) {
        Optional<String> old = oldPrimary();
        if (old.isEmpty() || plan.size() == 0) {
            return "Nothing can be planned: see the prechecks.";
        }
        List<String> others = siblings();
        boolean rejoins = StepRoles.planned(plan, StepRoles.REJOIN);
        return old.get() + " stops accepting writes for about a second: open transactions there are rolled back and "
                + "clients must reconnect (to " + candidate + "). " + candidate + " becomes the primary on a new "
                + "timeline only after it has replayed " + old.get() + "'s last record, so no acknowledged commit is lost. "
                + (others.isEmpty() ? "" : String.join(", ", others) + (others.size() == 1 ? " is" : " are")
                + " re-pointed to " + candidate + ". ")
                + (rejoins ? old.get() + " comes back as a standby of " + candidate + "."
                : old.get() + " stays stopped and is marked 'needs rejoin': Vigil cannot restart it as a standby ("
                + control.describe() + ").")
                + plan.uninterruptible().map(u -> " Once " + old.get() + " is stopping, steps " + u.from() + " to "
                + u.to() + " run to the end even if you cancel: " + u.why() + ".").orElse("");
    }

    @Override
    public List<Check> verifications(Plan plan, List<StepRecord> attempted) {
        List<String> followers = new ArrayList<>(siblings());
        if (StepRoles.planned(plan, StepRoles.REJOIN)) {
            oldPrimary().ifPresent(followers::add);
        }
        return roleChange.verifications(plan, attempted, Optional.of(candidate), followers);
    }

    @Override
    public List<String> nextActions(Outcome outcome, List<StepRecord> attempted, List<Step> remaining,
                                    List<CheckResult> verification) {
        String old = oldPrimary().orElse("the old primary");
        Optional<StepRecord> last = attempted.isEmpty() ? Optional.empty() : Optional.of(attempted.get(attempted.size() - 1));
        boolean stopped = StepRoles.done(attempted, StepRoles.STOP);
        boolean promoteTried = StepRoles.tried(attempted, StepRoles.PROMOTE);
        boolean promoted = StepRoles.done(attempted, StepRoles.CHECK_PROMOTED);
        List<String> next = new ArrayList<>();
        if (!stopped) {
            boolean stopTried = last.filter(s -> s.role().equals(StepRoles.STOP)).isPresent();
            next.add(stopTried ? "The stop of " + old + " did not complete: " + control.state(old).evidence()
                    + ". If it still runs it is still the primary and nothing else changed."
                    : old + " is still the primary; nothing was changed on the cluster.");
        } else if (!promoteTried) {
            next.add("No node accepts writes now: " + old + " is stopped cleanly with every commit, " + candidate
                    + " is still a standby. To go back, start " + old + " again"
                    + control.start(old).map(a -> " (" + a.command().text() + ")").orElse("")
                    + "; it is still the primary. Or find why " + candidate + " did not catch up, then fail over to it.");
        } else if (!promoted && RoleChange.promoteFailed(attempted)) {
            next.add(candidate + " was not promoted (nothing reached it) and no node accepts writes: " + old
                    + " is stopped cleanly with every commit. Start " + old + " again"
                    + control.start(old).map(a -> " (" + a.command().text() + ")").orElse("")
                    + " to go back, or bring " + candidate + " back and plan again.");
        } else if (!promoted) {
            next.add(candidate + " may still leave recovery: pg_promote was sent, and a promotion, once triggered, "
                    + "finishes. Do not start " + old + " again while " + candidate + " can still become a primary: "
                    + "wait until it is one (then rejoin " + old + " and the others to it), or stop " + candidate
                    + control.stop(candidate).map(a -> " (" + a.command().text() + ")").orElse("")
                    + " and confirm it is down before starting " + old + " again.");
        } else {
            next.add(candidate + " is the primary. Nodes not yet following it: rejoin each (a rejoin workflow "
                    + "re-points a running standby, or rewinds or re-clones a stopped node).");
        }
        return next;
    }

}
