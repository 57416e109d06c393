package dev.vigil.ops.workflow;

import java.util.Map;

/**
 * What a step says about itself when it returns. {@code facts} are values it saw while acting (the query start
 * at the moment of a cancel, say); they are journaled and handed to the verification.
 */
public record StepResult(StepOutcome outcome, String detail, Map<String, String> facts) {
    public StepResult {
        facts = Map.copyOf(facts);
    }

    public static StepResult done(String detail) {
        return new StepResult(StepOutcome.DONE, detail, Map.of());
    }

    public static StepResult done(String detail, Map<String, String> facts) {
        return new StepResult(StepOutcome.DONE, detail, facts);
    }

    public static StepResult failed(String detail) {
        return new StepResult(StepOutcome.FAILED, detail, Map.of());
    }

    public static StepResult unknown(String detail) {
        return new StepResult(StepOutcome.UNKNOWN, detail, Map.of());
    }
}
