package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepOutcome;
import dev.vigil.ops.workflow.StepRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a switchover and a failover share, built once: the promotion ladder (promote, then see the new timeline
 * and writes accepted), each follower's slot and re-point to the new primary, the verifications that the new
 * primary serves its followers, and the stretch of steps that must not be cut, found by step roles.
 */
final class RoleChange {
    private final ClusterDefinition cluster;
    private final FailoverSettings settings;

    RoleChange(ClusterDefinition cluster, FailoverSettings settings) {
        this.cluster = cluster;
        this.settings = settings;
    }

    /** Promotes {@code next} ({@code onPromote} runs as pg_promote goes out), then checks it left timeline {@code timeline}. */
    void promote(List<Step> steps, NodeEndpoint next, int timeline, Runnable onPromote) {
        steps.add(FailoverSteps.promote(cluster, next, settings, onPromote));
        steps.add(FailoverSteps.verifyPromoted(next, timeline));
    }

    /**
     * Each follower: the replication slot it used, created on the new primary first, then its primary_conninfo
     * pointed at {@code next}, keeping its own settings (else the candidate's, as {@code template}).
     */
    void repoint(List<Step> steps, ClusterReading reading, List<String> followers, NodeEndpoint next,
                 Optional<Conninfo> template) {
        for (String follower : followers) {
            Optional<NodeState> state = reading.state(follower);
            Conninfo own = state.flatMap(s -> Conninfo.tryParse(s.primaryConninfo())).or(() -> template)
                    .orElse(Conninfo.parse(""));
            state.map(NodeState::primarySlotName).filter(slot -> !slot.isBlank())
                    .ifPresent(slot -> steps.add(FailoverSteps.createSlot(cluster, next, slot, follower)));
            steps.add(FailoverSteps.repoint(cluster, cluster.node(follower).orElseThrow(), next,
                    own.pointedAt(next.host(), next.port(), follower), settings));
        }
    }

    /**
     * One writable primary (the candidate, once every step is done), the slots created in use, and, once done,
     * every follower streaming from the candidate.
     */
    List<Check> verifications(Plan plan, List<StepRecord> attempted, Optional<String> candidate, List<String> followers) {
        boolean allDone = allDone(plan, attempted);
        List<Check> out = new ArrayList<>();
        out.add(FailoverChecks.writablePrimaries(cluster, allDone ? candidate : Optional.empty()));
        List<String> slots = FailoverSteps.slotsCreated(attempted);
        if (!slots.isEmpty()) {
            candidate.flatMap(cluster::node).ifPresent(c -> out.add(FailoverChecks.createdSlotsInUse(cluster, c, slots)));
        }
        if (allDone && !followers.isEmpty()) {
            candidate.flatMap(cluster::node).ifPresent(c -> out.add(FailoverChecks.streamingFrom(cluster, c, followers)));
        }
        return out;
    }

    static boolean allDone(Plan plan, List<StepRecord> attempted) {
        return attempted.size() == plan.size() && attempted.stream().allMatch(StepRecord::done);
    }

    /**
     * The steps from the one with role {@code from} to the one with role {@code to} (1-based, both included), which
     * run to the end once begun; empty when either is not planned.
     */
    static Optional<Plan.Uninterruptible> uninterruptible(List<Step> steps, String from, String to, String why) {
        int start = position(steps, from);
        int end = position(steps, to);
        return start > 0 && end >= start ? Optional.of(new Plan.Uninterruptible(start, end, why)) : Optional.empty();
    }

    private static int position(List<Step> steps, String role) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).role().equals(role)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The promote step ran and failed outright (as opposed to an unknown result). */
    static boolean promoteFailed(List<StepRecord> attempted) {
        return attempted.stream().anyMatch(s -> s.role().equals(StepRoles.PROMOTE) && s.outcome() == StepOutcome.FAILED);
    }

    /** To the second: evidence and marks are read by people. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
