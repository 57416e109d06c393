package dev.vigil.ops.workflow;

/** How a workflow ended. Every outcome but SUCCEEDED and DRY_RUN comes with next actions in its report. */
public enum Outcome {
    SUCCEEDED("succeeded"),
    DRY_RUN("dry run: stopped after the prechecks"),
    DECLINED("declined by the operator"),
    /** A precheck failed, at planning or when re-checked just before the first step. */
    BLOCKED("blocked by a precheck"),
    /** Not started: the confirmation did not match, or another workflow runs on the cluster. */
    REFUSED("refused"),
    FAILED("a step failed"),
    RESULT_UNKNOWN("a step's result is unknown"),
    CANCELLED("cancelled by the operator"),
    /** Every step reported done, but the verification did not see the intended effect. */
    NOT_VERIFIED("steps done, verification failed");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether anything may have changed on the cluster. */
    public boolean ranSteps() {
        return this == SUCCEEDED || this == FAILED || this == RESULT_UNKNOWN || this == CANCELLED || this == NOT_VERIFIED;
    }
}
