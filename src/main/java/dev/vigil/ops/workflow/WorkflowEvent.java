package dev.vigil.ops.workflow;

/**
 * Progress of a workflow as it happens, for a UI or a terminal to show live. Events of one run arrive in order,
 * from the engine's threads; a listener must hand them to its own thread and return quickly.
 */
public sealed interface WorkflowEvent {

    String runId();

    enum Phase { TOPOLOGY, PLAN, PRECHECKS, CONFIRMATION, EXECUTE, VERIFY, FINISHED }

    record PhaseStarted(String runId, Phase phase) implements WorkflowEvent {}

    record TopologyRead(String runId, Topology topology) implements WorkflowEvent {}

    record Planned(String runId, Plan plan) implements WorkflowEvent {}

    /** @param recheck true when the prechecks run again just before the first step */
    record PrecheckFinished(String runId, CheckResult result, boolean recheck) implements WorkflowEvent {}

    /** Planning is over; the engine waits for a {@link Confirmation} (or, in a dry run, finishes). */
    record Prepared(String runId, Proposal proposal) implements WorkflowEvent {}

    /** @param number 1-based; {@code total} is the plan's size */
    record StepStarted(String runId, int number, int total, String title) implements WorkflowEvent {}

    record StepFinished(String runId, StepRecord record) implements WorkflowEvent {}

    record VerificationFinished(String runId, CheckResult result) implements WorkflowEvent {}

    record Finished(String runId, WorkflowReport report) implements WorkflowEvent {}
}
