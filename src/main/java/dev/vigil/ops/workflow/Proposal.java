package dev.vigil.ops.workflow;

import java.time.Instant;
import java.util.List;

/**
 * Everything a workflow showed before asking for confirmation: the topology it read, the plan with exact
 * commands, the prechecks with their evidence, and the consequence in words. The operator confirms this
 * proposal, not the workflow in general; {@link WorkflowEngine#execute} takes it back with the confirmation.
 */
public record Proposal(String runId, Workflow workflow, Topology topology, Plan plan, List<CheckResult> prechecks,
                       String consequence, Instant preparedAt) {
    public Proposal {
        prechecks = List.copyOf(prechecks);
    }

    /** A failed precheck blocks: nothing may run. */
    public boolean blocked() {
        return prechecks.stream().anyMatch(CheckResult::failed);
    }

    public boolean hasWarnings() {
        return prechecks.stream().anyMatch(c -> c.status() == CheckResult.Status.WARN);
    }

    public List<CheckResult> failures() {
        return prechecks.stream().filter(CheckResult::failed).toList();
    }

    /** For failover and rollback: the operator must type the cluster name. */
    public boolean typedConfirmationRequired() {
        return workflow.requiresTypedConfirmation();
    }

    /** What must be typed when {@link #typedConfirmationRequired()}. */
    public String confirmationWord() {
        return workflow.cluster();
    }
}
