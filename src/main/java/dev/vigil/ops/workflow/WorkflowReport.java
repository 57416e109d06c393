package dev.vigil.ops.workflow;

import java.time.Instant;
import java.util.List;

/**
 * Where a workflow stopped, in a known state: the proposal it ran, the steps it started and how each ended,
 * the steps it did not start, what the verification saw, and the safe next actions.
 *
 * @param rechecks  the prechecks as re-run just before the first step (empty if it never got that far)
 * @param steps     the steps that were started, in order
 * @param remaining the planned steps that were not started
 */
public record WorkflowReport(Proposal proposal, Outcome outcome, String summary, List<CheckResult> rechecks,
                             List<StepRecord> steps, List<Step> remaining, List<CheckResult> verification,
                             List<String> nextActions, Instant finishedAt) {
    public WorkflowReport {
        rechecks = List.copyOf(rechecks);
        steps = List.copyOf(steps);
        remaining = List.copyOf(remaining);
        verification = List.copyOf(verification);
        nextActions = List.copyOf(nextActions);
    }

    public List<StepRecord> done() {
        return steps.stream().filter(StepRecord::done).toList();
    }
}
