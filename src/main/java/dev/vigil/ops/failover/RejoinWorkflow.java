package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.ops.control.ControlAction;
import dev.vigil.ops.control.ControlException;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.control.ProcessState;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Command;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings a node back as a standby of the current primary. A running standby that follows someone else is only
 * re-pointed. A stopped node (a fenced old primary, say) may hold WAL the primary never had, so it is rewound
 * with pg_rewind where the binaries have it and the data allows (checksums or wal_log_hints), else re-cloned;
 * it is never started as a primary.
 */
public final class RejoinWorkflow implements Workflow {
    private final ClusterDefinition cluster;
    private final String node;
    private final NodeControl control;
    private final FailoverSettings settings;
    private final NodeFences fences;
    private final LiveReading live;
    private volatile ClusterReading planned;
    private volatile Method chosen = Method.NONE;

    public RejoinWorkflow(ClusterDefinition cluster, String node, NodeControl control, FailoverSettings settings,
                          NodeFences fences) {
        cluster.node(node).orElseThrow(() -> new IllegalArgumentException("cluster " + cluster.name() + " has no node " + node));
        this.cluster = cluster;
        this.node = node;
        this.control = control;
        this.settings = settings.forCluster(cluster);
        this.fences = fences;
        this.live = new LiveReading(cluster);
    }

    /** How the node comes back. */
    public enum Method { REPOINT, REWIND, RECLONE, NONE }

    @Override
    public String cluster() {
        return cluster.name();
    }

    @Override
    public String title() {
        return "Rejoin " + node + " as a standby" + primary().map(p -> " of " + p).orElse("");
    }

    @Override
    public String kind() {
        return "rejoin";
    }

    @Override
    public Optional<String> node() {
        return Optional.of(node);
    }

    /** Rewinding or re-cloning throws away what only this node has: the operator types the cluster name. */
    @Override
    public boolean requiresTypedConfirmation() {
        return method() != Method.REPOINT;
    }

    @Override
    public Topology topology(WorkflowContext context) {
        ClusterReading reading = live.fresh(context);
        planned = reading;
        chosen = choose();
        return reading.topology(Optional.of(node));
    }

    Optional<String> primary() {
        ClusterReading r = planned;
        if (r == null) {
            return Optional.empty();
        }
        List<String> p = r.primaries().stream().map(NodeState::node).filter(n -> !n.equals(node)).toList();
        return p.size() == 1 ? Optional.of(p.get(0)) : Optional.empty();
    }

    /** How the node comes back, chosen once from the planning read (the provider is asked off the FX thread). */
    public Method method() {
        return chosen;
    }

    private Method choose() {
        ClusterReading r = planned;
        Optional<String> p = primary();
        if (r == null || p.isEmpty()) {
            return Method.NONE;
        }
        Optional<NodeState> me = r.state(node);
        if (me.isPresent() && (!me.get().inRecovery() || !mayHaveDiverged())) {
            return me.get().inRecovery() ? Method.REPOINT : Method.NONE;
        }
        if (me.isPresent() && control.stop(node).isEmpty()) {
            return Method.NONE;
        }
        NodeEndpoint source = endpoint(p.get());
        NodeState src = r.state(p.get()).orElseThrow();
        if (control.rewind(node, source).isPresent() && control.makeStandby(node, source).isPresent()
                && control.start(node).isPresent() && (src.dataChecksums() || src.walLogHints())) {
            return Method.REWIND;
        }
        return control.reclone(node, source).isPresent() ? Method.RECLONE : Method.NONE;
    }

    /**
     * A node a failover fenced was the primary when it was taken out, and may hold WAL the new primary never
     * received: even if someone has started it again (read-only, as the fence leaves it), it is stopped and rewound
     * or re-cloned, never just re-pointed, which would fail on a diverged timeline or, worse, hide it. Not so a node
     * a switchover stopped cleanly (its successor replayed all of it), nor one that already streams from the
     * primary on the primary's timeline (rebuilt by hand, or by an earlier run): those are re-pointed.
     */
    private boolean mayHaveDiverged() {
        Optional<String> mark = fences.reason(cluster.name(), node);
        return mark.isPresent() && NodeFences.byFailover(mark.get()) && !followsPrimaryOnItsTimeline();
    }

    private boolean followsPrimaryOnItsTimeline() {
        ClusterReading r = planned;
        Optional<String> p = primary();
        if (r == null || p.isEmpty()) {
            return false;
        }
        Optional<NodeState> me = r.state(node);
        Optional<NodeState> source = r.state(p.get());
        NodeEndpoint at = endpoint(p.get());
        return me.filter(NodeState::streaming).isPresent() && source.isPresent()
                && me.get().senderPort().filter(port -> port == at.port()).isPresent()
                && me.get().timeline().isPresent() && me.get().timeline().equals(source.get().timeline())
                && primaryStreamsTo(at);
    }

    /**
     * The node's own view is not enough: a diverged old primary started read-only fetches the new timeline's
     * history file (so its timeline reads as the primary's) and its receiver says "streaming" for a moment before
     * the primary refuses its start point. Only the primary listing it as streaming shows that it really follows.
     */
    private boolean primaryStreamsTo(NodeEndpoint primary) {
        try {
            return ReplicationReads.downstream(primary).stream()
                    .anyMatch(d -> d.applicationName().equals(node) && "streaming".equals(d.state()));
        } catch (java.sql.SQLException e) {
            return false; // not known to follow: treated as may have diverged, the safe side
        }
    }

    /** Done only once the node is down (provider status and no answer): a re-clone must never replace live data. */
    private Step stopStep(ControlAction stop, String primary) {
        return new Step("Stop " + node, "it was fenced as the old primary and runs again (read-only): it may hold WAL "
                + primary + " never received, so it is rewound or re-cloned, which needs it stopped", node,
                stop.command(), settings.control().plusSeconds(35), context -> {
            String said;
            try {
                said = stop.run(settings.control());
            } catch (ControlException e) {
                said = "the stop command failed (" + e.getMessage() + ")";
            }
            FailoverSteps.Liveness after = FailoverSteps.liveness(endpoint(node), control, true);
            return after.down() ? StepResult.done(said + "; " + after.evidence())
                    : StepResult.failed(said + "; " + after.evidence() + ": not rewinding or re-cloning it");
        });
    }

    /** The node runs but must be stopped before it is rewound or re-cloned. */
    private boolean stopsFirst() {
        ClusterReading r = planned;
        return r != null && r.state(node).isPresent() && method() != Method.REPOINT && method() != Method.NONE;
    }

    @Override
    public Plan plan(Topology topology) {
        Optional<String> p = primary();
        if (p.isEmpty()) {
            return new Plan(List.of());
        }
        NodeEndpoint me = endpoint(node);
        NodeEndpoint source = endpoint(p.get());
        Optional<Conninfo> target = template(p.get()).map(t -> t.pointedAt(source.host(), source.port(), node));
        List<Step> steps = new ArrayList<>();
        if (stopsFirst()) {
            steps.add(stopStep(control.stop(node).orElseThrow(), p.get()));
        }
        switch (method()) {
            case REPOINT -> {
                planned.state(node).map(NodeState::primarySlotName).filter(slot -> !slot.isBlank())
                        .ifPresent(slot -> steps.add(FailoverSteps.createSlot(cluster, source, slot, node)));
                steps.add(follow(me, source, target));
            }
            case REWIND -> {
                // pg_rewind reads the source's timeline from pg_control, which a fresh promotion updates only
                // at its end-of-recovery checkpoint: without this it may find "no rewind required" and be wrong.
                steps.add(FailoverSteps.checkpoint(cluster, source));
                steps.add(FailoverSteps.control("pg_rewind " + node + " from " + p.get(), "throws away WAL only "
                        + node + " has, and takes " + p.get() + "'s timeline", node,
                        control.rewind(node, source).orElseThrow(), settings.control(), null));
                control.makeStandby(node, source).ifPresent(a -> steps.add(FailoverSteps.control("Make " + node
                        + " a standby of " + p.get(), "standby.signal and primary_conninfo", node, a, settings.control(), null)));
                control.start(node).ifPresent(a -> steps.add(FailoverSteps.control("Start " + node + " as a standby",
                        "it comes up read-only and follows " + p.get(), node, a, settings.control(),
                        context -> FailoverSteps.ensureStandby(me, control, Duration.ofSeconds(30), context))));
                steps.add(follow(me, source, target));
            }
            case RECLONE -> {
                steps.add(FailoverSteps.control("Re-clone " + node + " from " + p.get(), "its data directory is "
                        + "replaced by a copy of " + p.get() + "'s", node, control.reclone(node, source).orElseThrow(),
                        settings.control(), context -> FailoverSteps.ensureStandby(me, control, Duration.ofSeconds(30),
                                context)));
                steps.add(follow(me, source, target));
            }
            case NONE -> {
                return new Plan(List.of());
            }
        }
        steps.add(new Step("Clear " + node + "'s 'needs rejoin' mark", "the console stops showing it as fenced", node,
                Command.described("remove '" + cluster.name() + "/" + node + "' from Vigil's fenced-node list"),
                Duration.ofSeconds(5), context -> {
            fences.clear(cluster.name(), node);
            return StepResult.done(node + " is a standby of " + p.get() + " again");
        }));
        return new Plan(steps);
    }

    /**
     * Re-points the node when there is a connection string to model it on; otherwise the provider has configured
     * it (the lab writes primary_conninfo when it readies a standby), and the step only waits until it streams.
     */
    private Step follow(NodeEndpoint me, NodeEndpoint source, Optional<Conninfo> target) {
        if (target.isPresent()) {
            return FailoverSteps.repoint(cluster, me, source, target.get(), settings);
        }
        return new Step("Wait until " + node + " streams from " + source.name(), "its upstream was set by "
                + control.describe(), node, Command.described("poll pg_stat_wal_receiver on " + node + " until it "
                + "streams from " + source.address()), settings.stream().plusSeconds(5),
                context -> FailoverSteps.awaitStreaming(me, source, settings.stream(), context));
    }

    /** A connection string to copy: the node's own, else a standby's that already follows the primary. */
    private Optional<Conninfo> template(String primary) {
        ClusterReading r = planned;
        List<String> candidates = new ArrayList<>();
        r.state(node).map(NodeState::primaryConninfo).ifPresent(candidates::add);
        r.standbysOf(primary).stream().map(NodeState::primaryConninfo).forEach(candidates::add);
        // In a two-node cluster nobody follows the primary yet; a promoted primary keeps its own old conninfo.
        r.state(primary).map(NodeState::primaryConninfo).ifPresent(candidates::add);
        return candidates.stream().map(Conninfo::tryParse).flatMap(Optional::stream).findFirst();
    }

    @Override
    public List<Check> prechecks(Topology topology, Plan plan) {
        List<Check> checks = new ArrayList<>();
        checks.add(FailoverChecks.noHaAgent(cluster, live));
        checks.add(onePrimary());
        checks.add(nodeState());
        primary().flatMap(cluster::node).ifPresent(p -> {
            if (method() == Method.REPOINT) {
                List<FailoverChecks.Needs> needs = new ArrayList<>();
                needs.add(new FailoverChecks.Needs(endpoint(node), false, false, true, false));
                if (FailoverSteps.createsSlots(plan)) {
                    needs.add(new FailoverChecks.Needs(p, false, false, false, true));
                }
                checks.add(FailoverChecks.operatorPrivileges(cluster, needs));
            }
        });
        return checks;
    }

    private Check onePrimary() {
        String name = "one primary to follow";
        return Check.of(name, context -> {
            List<String> p = live.now(context).primaries().stream().map(NodeState::node).toList();
            if (p.contains(node)) {
                return CheckResult.fail(name, node + " RUNS AS A PRIMARY" + (p.size() > 1 ? " beside " + p : ""),
                        "Stop (fence) " + node + " first: two primaries are a split brain. Then plan the rejoin again.");
            }
            if (p.size() != 1) {
                return CheckResult.fail(name, p.isEmpty() ? "no reachable primary" : "several primaries: " + p,
                        "There must be exactly one primary to rejoin to.");
            }
            return CheckResult.pass(name, p.get(0) + " is the only primary");
        });
    }

    private Check nodeState() {
        String name = "how " + node + " can rejoin";
        return Check.of(name, context -> {
            ClusterReading r = live.now(context);
            Optional<NodeState> me = r.state(node);
            String fenced = fences.reason(cluster.name(), node).map(f -> "; marked: " + f).orElse("");
            if (me.isPresent()) {
                if (!me.get().inRecovery()) {
                    return CheckResult.fail(name, node + " runs as a primary", "Stop it first.");
                }
                if (!mayHaveDiverged()) {
                    return CheckResult.pass(name, node + " runs as a standby (" + FailoverSteps.describeRoles(r)
                            + "): re-pointing is enough");
                }
            }
            ProcessState s = me.isPresent()
                    ? ProcessState.running("it runs read-only on timeline " + me.get().timeline().map(String::valueOf)
                    .orElse("?") + " although it was fenced as the old primary; step 1 stops it")
                    : control.state(node);
            if (me.isEmpty() && !s.confirmedDown()) {
                return CheckResult.fail(name, node + " does not answer and is not confirmed stopped: " + s.evidence(),
                        "Stop it (or confirm it is down) before it is rewound or re-cloned.");
            }
            Method m = method();
            return switch (m) {
                case REWIND -> CheckResult.warn(name, (me.isPresent() ? "" : "stopped ") + "(" + s.evidence() + "); pg_rewind from "
                        + primary().orElse("?") + " (it has data checksums or wal_log_hints)" + fenced,
                        "Acknowledge: WAL only " + node + " has (commits after the failover point) is thrown away.");
                case RECLONE -> CheckResult.warn(name, (me.isPresent() ? "" : "stopped ") + "(" + s.evidence() + "); pg_rewind "
                        + (control.rewind(node, endpoint(primary().orElse(node))).isPresent()
                        ? "needs data checksums or wal_log_hints on the primary" : "is not available here")
                        + ", so it is re-cloned" + fenced, "Acknowledge: " + node + "'s data directory is replaced.");
                default -> CheckResult.fail(name, (me.isPresent() ? s.evidence() : "stopped") + ", but "
                        + control.describe() + " can" + (me.isPresent() && control.stop(node).isEmpty() ? "not stop it"
                        : " neither rewind nor re-clone it"), "Configure rewind or reclone commands (docs/configuration.md), or rebuild "
                        + node + " by hand as a standby.");
            };
        });
    }

    @Override
    public Optional<Topology> intended(Topology before, Plan plan) {
        Optional<String> p = primary();
        if (p.isEmpty() || plan.size() == 0) {
            return Optional.empty();
        }
        Optional<Integer> tl = before.node(p.get()).flatMap(TopologyNode::timeline);
        List<TopologyNode> after = before.nodes().stream().map(n -> n.node().equals(node)
                ? new TopologyNode(n.node(), n.address(), NodeStatus.Role.STANDBY, p, tl,
                before.node(p.get()).map(TopologyNode::version).orElse(""), "") : n).toList();
        return Optional.of(new Topology(before.cluster(), after, before.focus(), before.readAt()));
    }

    @Override
    public String consequence(Topology topology, Plan plan) {
        if (plan.size() == 0) {
            return "Nothing can be planned: see the prechecks.";
        }
        String p = primary().orElseThrow();
        return (stopsFirst() ? node + " is stopped (it runs read-only, but was fenced as the old primary). " : "")
                + switch (method()) {
            case REPOINT -> node + " follows " + p + " from now on; it stays a read-only standby throughout.";
            case REWIND -> node + " is rewound to " + p + "'s timeline (what only " + node + " wrote is thrown away), "
                    + "then starts as a read-only standby of " + p + ".";
            case RECLONE -> node + "'s data directory is deleted and copied afresh from " + p + "; it then runs as a "
                    + "read-only standby of " + p + ".";
            case NONE -> "Nothing can be planned: see the prechecks.";
        };
    }

    @Override
    public List<Check> verifications(Plan plan, List<StepRecord> attempted) {
        List<Check> out = new ArrayList<>();
        out.add(FailoverChecks.writablePrimaries(cluster, primary()));
        primary().flatMap(cluster::node).ifPresent(p -> out.add(FailoverChecks.streamingFrom(cluster, p, List.of(node))));
        List<String> slots = FailoverSteps.slotsCreated(attempted);
        if (!slots.isEmpty()) {
            primary().flatMap(cluster::node).ifPresent(p -> out.add(FailoverChecks.createdSlotsInUse(cluster, p, slots)));
        }
        return out;
    }

    private NodeEndpoint endpoint(String name) {
        return cluster.node(name).orElseThrow();
    }

}
