package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.control.ControlAction;
import dev.vigil.ops.control.ControlException;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.control.ProcessState;
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
import dev.vigil.sql.Lsn;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An unplanned failover: the primary is down, the most advanced standby is promoted, the others follow it, and
 * the old primary is fenced and marked "needs rejoin" so that it never comes back as a primary. The data-loss
 * estimate and the fencing status are prechecks the operator reads before typing the cluster name.
 */
public final class FailoverWorkflow implements Workflow {
    private final ClusterDefinition cluster;
    private final Optional<String> requested;
    private final NodeControl control;
    private final FailoverSettings settings;
    private final RoleChange roleChange;
    private final NodeFences fences;
    /** The fencing precheck warned that only the operator can vouch that the old primary is down: see fenceStep. */
    private volatile boolean operatorVouchesDown;
    private volatile Optional<String> best = Optional.empty();
    private final LastSeenSource lastSeenSource;
    /** Read from the source with each planning read (on the workflow's thread: the source may be a file). */
    private volatile Optional<LastSeen> lastSeen = Optional.empty();
    private volatile String lastSeenProblem = "";
    private final LiveReading live;
    private volatile ClusterReading planned;

    public FailoverWorkflow(ClusterDefinition cluster, Optional<String> candidate, NodeControl control,
                            FailoverSettings settings, NodeFences fences, LastSeenSource lastSeen) {
        candidate.ifPresent(c -> cluster.node(c).orElseThrow(() -> new IllegalArgumentException("cluster "
                + cluster.name() + " has no node " + c)));
        this.cluster = cluster;
        this.requested = candidate;
        this.control = control;
        this.settings = settings.forCluster(cluster);
        this.roleChange = new RoleChange(cluster, this.settings);
        this.fences = fences;
        this.lastSeenSource = lastSeen;
        this.live = new LiveReading(cluster);
    }

    @Override
    public String cluster() {
        return cluster.name();
    }

    @Override
    public String title() {
        return "Fail over " + cluster.name() + candidate().map(c -> " to " + c).orElse("");
    }

    @Override
    public String kind() {
        return "failover";
    }

    @Override
    public Optional<String> node() {
        return candidate();
    }

    @Override
    public boolean requiresTypedConfirmation() {
        return true;
    }

    @Override
    public Topology topology(WorkflowContext context) {
        ClusterReading reading = live.fresh(context);
        readLastSeen();
        best = best(reading, fences.fenced(cluster.name()).keySet());
        planned = reading;
        return reading.topology(candidate());
    }

    /**
     * The primary that failed: the node Vigil last saw as primary, else the node the reachable standbys' conninfo
     * names, else the one unreachable node.
     */
    public Optional<String> oldPrimary() {
        if (planned == null) {
            readLastSeen(); // asked before any planning read: the source is read on the caller's thread
        }
        if (lastSeen.isPresent()) {
            return lastSeen.map(LastSeen::node);
        }
        ClusterReading r = planned;
        if (r == null) {
            return Optional.empty();
        }
        Map<String, Long> named = r.standbys().stream().flatMap(s -> r.upstreamOf(s).stream())
                .filter(u -> r.state(u).isEmpty())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Optional<String> mostNamed = named.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        if (mostNamed.isPresent()) {
            return mostNamed;
        }
        return r.unreachable().size() == 1 ? Optional.of(r.unreachable().get(0).node()) : Optional.empty();
    }

    private void readLastSeen() {
        StringBuilder problems = new StringBuilder();
        lastSeen = lastSeenSource.read(cluster.name(), problems);
        lastSeenProblem = problems.toString();
    }

    /** The standby to promote: the one asked for, else the one that has received the most WAL. */
    public Optional<String> candidate() {
        return requested.or(() -> best);
    }

    /** Chosen once per planning read: the title, the journal and every check ask for the candidate again. */
    private static Optional<String> best(ClusterReading r, java.util.Set<String> fenced) {
        int newest = r.standbys().stream().flatMap(s -> s.timeline().stream()).max(Integer::compare).orElse(0);
        // A fenced node (an old primary restarted read-only) or one on an older timeline may show a higher LSN of
        // a history the cluster left: never propose it.
        return r.standbys().stream().filter(s -> s.walEnd().isPresent())
                .filter(s -> !fenced.contains(s.node()))
                .filter(s -> s.timeline().orElse(0) == newest)
                .max(Comparator.comparing((NodeState s) -> s.walEnd().get())
                        .thenComparing(s -> s.replayLsn().orElse(new Lsn(0)))
                        .thenComparing(NodeState::node, Comparator.reverseOrder())).map(NodeState::node);
    }

    private List<String> followers() {
        ClusterReading r = planned;
        Optional<String> old = oldPrimary();
        Optional<String> c = candidate();
        if (r == null || old.isEmpty() || c.isEmpty()) {
            return List.of();
        }
        return r.standbys().stream().filter(s -> !s.node().equals(c.get()))
                .filter(s -> r.upstreamOf(s).map(old.get()::equals).orElse(true)).map(NodeState::node).toList();
    }

    @Override
    public Plan plan(Topology topology) {
        Optional<String> old = oldPrimary();
        Optional<String> c = candidate();
        ClusterReading r = planned;
        if (old.isEmpty() || c.isEmpty() || r == null || r.state(c.get()).filter(NodeState::inRecovery).isEmpty()) {
            return new Plan(List.of());
        }
        NodeState cand = r.state(c.get()).get();
        NodeEndpoint next = cluster.node(c.get()).orElseThrow();
        List<Step> steps = new ArrayList<>();
        control.fence(old.get()).ifPresent(f -> steps.add(fenceStep(old.get(), f)));
        String oldName = old.get();
        roleChange.promote(steps, next, cand.timeline().orElse(0), () -> fences.mark(cluster.name(), oldName,
                NodeFences.BY_FAILOVER + "failed over to " + next.name() + " at " + RoleChange.now()
                        + "; rejoin it as a standby (pg_rewind or re-clone) before it serves again"));
        roleChange.repoint(steps, r, followers(), next, Conninfo.tryParse(cand.primaryConninfo()));
        steps.add(markStep(old.get(), c.get()));
        steps.add(FailoverSteps.refreshRoles(cluster, c.get()));
        return new Plan(steps);
    }

    /**
     * The fence must leave the old primary not running. When the fence command fails and the provider cannot tell
     * whether the node runs (a dead host: neither ssh nor the status reaches it), the failover goes on only if the
     * fencing precheck warned of exactly that and the operator acknowledged it: that they know it is down or cut off.
     */
    private Step fenceStep(String old, ControlAction fence) {
        Duration limit = settings.control();
        return new Step("Fence " + old, "so that it cannot come back as a second primary", old, fence.command(),
                limit.plusSeconds(35), context -> {
            fences.mark(cluster.name(), old, NodeFences.BY_FAILOVER + "fenced at " + RoleChange.now() + "; rejoin it as a standby");
            String said;
            try {
                said = fence.run(limit);
            } catch (ControlException e) {
                ProcessState s = control.state(old);
                if (s.state() == ProcessState.State.UNKNOWN && operatorVouchesDown) {
                    return StepResult.done("the fence command did not succeed (" + e.getMessage() + ") and " + s.evidence()
                            + "; going on, as acknowledged, on the operator's word that " + old + " is down or cut off");
                }
                return FailoverSteps.controlFailure(e);
            }
            ProcessState s = control.state(old);
            return s.state() == ProcessState.State.RUNNING
                    ? StepResult.failed("the fence command ran but " + old + " still runs: " + s.evidence())
                    : StepResult.done(said + "; " + s.evidence());
        });
    }

    private Step markStep(String old, String next) {
        return new Step("Mark " + old + " 'needs rejoin'", "it is never started as a primary; a rejoin workflow "
                + "rewinds or re-clones it", old, Command.described("record '" + cluster.name() + "/" + old
                + " needs rejoin' in Vigil's fenced-node list"), Duration.ofSeconds(5), context -> {
            fences.mark(cluster.name(), old, NodeFences.BY_FAILOVER + "failed over to " + next + " at " + RoleChange.now()
                    + "; rejoin it as a standby (pg_rewind or re-clone) before it serves again");
            return StepResult.done(old + " is marked 'needs rejoin'");
        });
    }

    @Override
    public List<Check> prechecks(Topology topology, Plan plan) {
        List<Check> checks = new ArrayList<>();
        checks.add(FailoverChecks.noHaAgent(cluster, live));
        checks.add(primaryUnreachable());
        checks.add(noOtherPrimary());
        checks.add(candidateCheck());
        checks.add(dataLoss());
        checks.add(fencing(plan));
        List<FailoverChecks.Needs> needs = new ArrayList<>();
        boolean slots = FailoverSteps.createsSlots(plan);
        if (slots) {
            candidate().ifPresent(c -> checks.add(FailoverChecks.slotRoom(cluster, live, c, FailoverSteps.slotsCreated(plan))));
        }
        candidate().flatMap(cluster::node).ifPresent(n -> needs.add(new FailoverChecks.Needs(n, true, false, false, slots)));
        followers().forEach(f -> cluster.node(f).ifPresent(n -> needs.add(new FailoverChecks.Needs(n, false, false, true,
                false))));
        checks.add(FailoverChecks.operatorPrivileges(cluster, needs));
        return checks;
    }

    private Check primaryUnreachable() {
        String name = oldPrimary().map(o -> o + " (the primary) is unreachable").orElse("the primary is unreachable");
        // The provider's status probe may take half a minute on a host that does not answer (ssh).
        return Check.of(name, Duration.ofSeconds(45), context -> {
            Optional<String> old = oldPrimary();
            if (old.isEmpty()) {
                return CheckResult.fail(name, "Vigil cannot tell which node was the primary: no standby names an "
                        + "unreachable upstream", "Name the failed primary, or check the standbys' primary_conninfo.");
            }
            NodeEndpoint node = cluster.node(old.get()).orElseThrow();
            try (Connection c = ActionConnections.reader(node, ReplicationReads.READ_LIMITS)) {
                NodeState s = ReplicationReads.nodeState(c, old.get());
                return CheckResult.fail(name, old.get() + " answers at " + node.address() + " as a "
                        + (s.inRecovery() ? "standby" : "primary, timeline " + s.timeline().map(String::valueOf).orElse("?")),
                        s.inRecovery() ? "It is not a primary: nothing to fail over from." : "It is up: use a "
                                + "switchover, which loses nothing, instead of a failover.");
            } catch (SQLException e) {
                if (!noServerAnswered(e)) {
                    // Starting up, in crash recovery, out of connections, a refused login: its postmaster is alive.
                    return CheckResult.fail(name, old.get() + " answers at " + node.address() + " (SQLSTATE "
                            + e.getSQLState() + ": " + e.getMessage() + "): its server process is alive",
                            "Wait for it to finish starting or recovering, then look again; a failover now could "
                                    + "leave two primaries.");
                }
                return CheckResult.pass(name, "no connection to " + node.address() + ": " + e.getMessage()
                        + "; " + control.state(old.get()).evidence());
            }
        });
    }

    private Check noOtherPrimary() {
        String name = "no other node is a primary";
        return Check.of(name, context -> {
            List<String> primaries = live.now(context).primaries().stream().map(NodeState::node)
                    .filter(n -> !oldPrimary().filter(n::equals).isPresent()).toList();
            if (!primaries.isEmpty()) {
                return CheckResult.fail(name, String.join(", ", primaries) + " already accept writes",
                        "A failover happened already, or there is a split brain: look at the Replication view first.");
            }
            return CheckResult.pass(name, "every reachable node is in recovery");
        });
    }

    private Check candidateCheck() {
        String name = candidate().map(c -> c + " is the standby to promote").orElse("a standby to promote");
        return Check.of(name, context -> {
            ClusterReading r = live.now(context);
            List<NodeState> standbys = r.standbys();
            if (standbys.isEmpty()) {
                return CheckResult.fail(name, "no reachable standby", "Bring a standby back, or restore from backup.");
            }
            String table = standbys.stream().sorted(Comparator.comparing(NodeState::node)).map(s -> s.node()
                    + " received " + s.receiveLsn().map(Lsn::toString).orElse("-") + ", replayed "
                    + s.replayLsn().map(Lsn::toString).orElse("-") + (s.replayPaused() ? " (replay paused: "
                    + "promotion resumes it)" : "")).collect(Collectors.joining("; "));
            Optional<String> c = candidate();
            Optional<NodeState> chosen = c.flatMap(r::state);
            if (chosen.isEmpty() || !chosen.get().inRecovery()) {
                return CheckResult.fail(name, c.map(x -> x + " is not a reachable standby").orElse("none chosen")
                        + "; " + table, "Choose a reachable standby.");
            }
            Optional<NodeState> most = best.flatMap(r::state);
            Lsn mine = chosen.get().walEnd().orElse(new Lsn(0));
            if (most.isPresent() && !most.get().node().equals(chosen.get().node())
                    && most.get().walEnd().orElse(new Lsn(0)).isAfter(mine)) {
                long more = most.get().walEnd().get().value() - mine.value();
                return CheckResult.warn(name, most.get().node() + " has received " + dev.vigil.monitor.ByteSize.of((long) more)
                        + " more than " + c.get() + "; " + table, "Promote " + most.get().node() + " instead, or "
                        + "acknowledge: the WAL only " + most.get().node() + " has is lost, and it will need a rejoin.");
            }
            return CheckResult.pass(name, c.get() + " is the most advanced standby; " + table);
        });
    }

    private Check dataLoss() {
        String name = "data-loss estimate";
        return Check.of(name, context -> {
            Optional<NodeState> chosen = candidate().flatMap(live.now(context)::state);
            if (chosen.isEmpty() || chosen.get().walEnd().isEmpty()) {
                return CheckResult.fail(name, "the candidate's received WAL position is unknown", "See the candidate check.");
            }
            Lsn received = chosen.get().walEnd().get();
            if (lastSeen.isEmpty()) {
                return CheckResult.warn(name, "unknown: no Vigil monitor saw " + cluster.name() + "'s primary write "
                        + "(looked in " + lastSeenSource.describe() + (lastSeenProblem.isEmpty() ? "" : ": "
                        + lastSeenProblem) + "). What the standbys have: " + standbyPositions(live.now(context))
                        + ". " + chosen.get().node() + " has received up to " + received + ", the most it can save",
                        "Acknowledge that commits the old primary acknowledged after " + received + ", if any, will "
                        + "be lost. Next time keep a monitor running (the window, or `vigil watch --quiet` beside the "
                        + "journal) so the failover can estimate the loss.");
            }
            LastSeen seen = lastSeen.get();
            long gap = seen.lsn().value() - received.value();
            if (gap <= 0) {
                return CheckResult.pass(name, "0 B known lost: " + chosen.get().node() + " has received " + received
                        + ", at or past the last LSN Vigil saw " + seen.node() + " write (" + seen.lsn() + " at "
                        + seen.at().truncatedTo(ChronoUnit.SECONDS) + ", seen by " + seen.seenBy() + ")");
            }
            return CheckResult.warn(name, "up to " + dev.vigil.monitor.ByteSize.of((long) gap) + " of WAL " + seen.node()
                    + " wrote (last seen " + seen.lsn() + " at " + seen.at().truncatedTo(ChronoUnit.SECONDS) + " by "
                    + seen.seenBy() + ") never reached " + chosen.get().node()
                    + " (received " + received + "): commits in it are lost", "Acknowledge the loss, or bring "
                    + seen.node() + " back and switch over instead if it can be saved.");
        });
    }

    /** Each reachable standby's received and replayed position: what the operator compares candidates by. */
    static String standbyPositions(ClusterReading r) {
        if (r.standbys().isEmpty()) {
            return "no reachable standby";
        }
        return r.standbys().stream().map(s -> s.node() + " received " + s.receiveLsn().map(Lsn::toString).orElse("?")
                + ", replayed " + s.replayLsn().map(Lsn::toString).orElse("?")).collect(Collectors.joining("; "));
    }

    private Check fencing(Plan plan) {
        String name = oldPrimary().map(o -> o + " is fenced").orElse("the old primary is fenced");
        return Check.of(name, Duration.ofSeconds(45), context -> {
            // Whatever this check concludes, the fence step goes on a word only if this very check asked for it.
            operatorVouchesDown = false;
            Optional<String> old = oldPrimary();
            if (old.isEmpty()) {
                return CheckResult.fail(name, "no old primary identified", "See the checks above.");
            }
            ProcessState state = control.state(old.get());
            Optional<String> fence = control.fence(old.get()).map(a -> a.command().text());
            if (state.confirmedDown()) {
                return CheckResult.pass(name, "confirmed down: " + state.evidence()
                        + fence.map(f -> "; step 1 also fences it: " + f).orElse(""));
            }
            operatorVouchesDown = fence.isPresent() && state.state() == ProcessState.State.UNKNOWN;
            if (operatorVouchesDown) {
                return CheckResult.warn(name, "NOT CONFIRMED DOWN: " + state.evidence() + ". Step 1 fences it: "
                        + fence.get() + ". If that cannot reach " + old.get() + " either (a dead host), the failover "
                        + "goes on only on your word, given here, that " + old.get() + " is down or cut off from its "
                        + "clients", "Make sure it is: power it off or cut its network, then acknowledge. Otherwise "
                        + "restore Vigil's reach to " + old.get() + " first.");
            }
            if (fence.isPresent()) {
                return CheckResult.pass(name, "not confirmed down (" + state.evidence() + "); step 1 fences it: "
                        + fence.get() + ", and the failover stops if it still runs after that");
            }
            return CheckResult.warn(name, "NOT CONFIRMED DOWN and Vigil cannot fence it (" + state.evidence()
                    + "). If " + old.get() + " is alive and clients reach it, there will be two primaries",
                    "Fence it yourself (power it off, cut it from the network, stop PostgreSQL) and only then "
                            + "acknowledge; or configure a fence command (docs/configuration.md).");
        });
    }

    /** A connection-level failure with no reply from a server (refused, timed out, reset): class 08, or none. */
    static boolean noServerAnswered(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08");
    }

    @Override
    public Optional<Topology> intended(Topology before, Plan plan) {
        Optional<String> old = oldPrimary();
        Optional<String> c = candidate();
        if (old.isEmpty() || c.isEmpty() || plan.size() == 0) {
            return Optional.empty();
        }
        TopologyNode was = before.nodes().stream().filter(n -> n.node().equals(old.get())).findFirst()
                .orElse(TopologyNode.unreachable(old.get(), "", "not read"));
        return Optional.of(AfterPicture.of(before, c.get(), old.get(), followers(),
                TopologyNode.unreachable(was.node(), was.address(), "fenced, needs rejoin")));
    }

    @Override
    public String consequence(Topology topology, Plan plan) {
        Optional<String> old = oldPrimary();
        Optional<String> c = candidate();
        if (old.isEmpty() || c.isEmpty() || plan.size() == 0) {
            return "Nothing can be planned: see the prechecks.";
        }
        List<String> f = followers();
        return c.get() + " becomes the primary on a new timeline and accepts writes; clients must reconnect to it. "
                + "Commits " + old.get() + " acknowledged that never reached " + c.get() + " are lost (see the "
                + "data-loss estimate). " + (f.isEmpty() ? "" : String.join(", ", f) + (f.size() == 1 ? " follows " : " follow ")
                + c.get() + ". ") + old.get() + " is fenced and marked 'needs rejoin': it must never start as a "
                + "primary again; a rejoin workflow brings it back as a standby.";
    }

    @Override
    public List<Check> verifications(Plan plan, List<StepRecord> attempted) {
        List<Check> out = new ArrayList<>(roleChange.verifications(plan, attempted, candidate(), followers()));
        if (RoleChange.allDone(plan, attempted) && candidate().isPresent()) {
            oldPrimary().ifPresent(old -> out.add(Check.of(old + " is fenced", context -> {
                ProcessState s = control.state(old);
                Optional<String> mark = fences.reason(cluster.name(), old);
                if (s.state() == ProcessState.State.RUNNING) {
                    return CheckResult.fail(old + " is fenced", old + " runs: " + s.evidence(), "Stop it now.");
                }
                return CheckResult.pass(old + " is fenced", s.evidence() + "; " + mark.orElse("not marked"));
            })));
        }
        return out;
    }

    @Override
    public List<String> nextActions(Outcome outcome, List<StepRecord> attempted, List<Step> remaining,
                                    List<CheckResult> verification) {
        String old = oldPrimary().orElse("the old primary");
        String c = candidate().orElse("the candidate");
        boolean promoteTried = StepRoles.tried(attempted, StepRoles.PROMOTE);
        boolean promoted = StepRoles.done(attempted, StepRoles.CHECK_PROMOTED);
        if (!promoteTried) {
            return List.of("Nothing was promoted: no node accepts writes. Do not start " + old + " as a primary "
                    + "unless you give up the failover; fix what stopped it and plan again.");
        }
        if (!promoted && RoleChange.promoteFailed(attempted)) {
            return List.of(c + " was not promoted (nothing reached it): no node accepts writes. Bring " + c
                    + " back, or choose another standby, and plan the failover again.");
        }
        if (!promoted) {
            return List.of(c + " may still leave recovery: pg_promote was sent and a promotion, once triggered, "
                    + "finishes. Do not promote any other node: wait until " + c + " is a primary (the verification "
                    + "shows what was seen), then rejoin the others to it.");
        }
        return List.of(c + " is the primary. Standbys not yet following it: rejoin each. " + old
                + " stays fenced until a rejoin.");
    }

}
