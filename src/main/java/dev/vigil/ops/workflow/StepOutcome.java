package dev.vigil.ops.workflow;

/** How a step ended, as far as anyone can know; "unknown" is said when it is so, never guessed away. */
public enum StepOutcome {
    DONE("done"),
    FAILED("failed"),
    /** It may or may not have taken effect: timed out, or the connection broke after the command was sent. */
    UNKNOWN("result unknown");

    private final String label;

    StepOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
