package dev.vigil.ops.workflow;

import java.util.List;
import java.util.Optional;

/**
 * An action that changes a cluster, described so that {@link WorkflowEngine} can run it the one way every
 * action runs: topology, plan, prechecks, confirmation, execute, verify, journal. A workflow says what to do
 * and how to check it; the engine owns ordering, time limits, cancellation, locking and the journal.
 */
public interface Workflow {

    /** The cluster it changes: only one mutating workflow runs per cluster at a time. */
    String cluster();

    /** For people, and for the "busy" refusal: "Cancel the query of 2 sessions on pg1". */
    String title();

    /** For the journal: "session.cancel", "switchover". */
    String kind();

    /** The node it acts on, when there is one. */
    default Optional<String> node() {
        return Optional.empty();
    }

    default boolean mutating() {
        return true;
    }

    /** Failover and rollback make the operator type the cluster name. */
    default boolean requiresTypedConfirmation() {
        return false;
    }

    /** Step 1: the cluster now, as this workflow needs to see it. */
    Topology topology(WorkflowContext context) throws Exception;

    /** Step 2: the ordered steps with exact commands. Pure: no I/O. */
    Plan plan(Topology topology);

    /** Step 3: checks run before confirmation, and again just before the first step. */
    List<Check> prechecks(Topology topology, Plan plan);

    /**
     * The cluster as this workflow means to leave it, shown beside the topology before it; empty for workflows
     * that do not change roles.
     */
    default Optional<Topology> intended(Topology before, Plan plan) {
        return Optional.empty();
    }

    /** What will happen, in words, for the confirmation. */
    String consequence(Topology topology, Plan plan);

    /** Step 6: checks of the effect of the steps that were started (done, or with an unknown result). */
    List<Check> verifications(Plan plan, List<StepRecord> attempted);

    /** Safe next actions of this workflow for an outcome other than success (the engine adds generic ones). */
    default List<String> nextActions(Outcome outcome, List<StepRecord> attempted, List<Step> remaining,
                                     List<CheckResult> verification) {
        return List.of();
    }
}
