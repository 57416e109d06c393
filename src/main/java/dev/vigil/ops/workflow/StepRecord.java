package dev.vigil.ops.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A step that was started, and how it ended; {@code role} is its step's {@link Step#role()}. */
public record StepRecord(int number, String title, String node, StepOutcome outcome, String detail,
                         Map<String, String> facts, Instant startedAt, Duration took, String role) {
    public StepRecord {
        facts = Map.copyOf(facts);
    }

    public StepRecord(int number, String title, String node, StepOutcome outcome, String detail,
                      Map<String, String> facts, Instant startedAt, Duration took) {
        this(number, title, node, outcome, detail, facts, startedAt, took, "");
    }

    public boolean done() {
        return outcome == StepOutcome.DONE;
    }
}
