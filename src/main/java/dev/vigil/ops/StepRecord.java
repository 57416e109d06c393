package dev.vigil.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A step that was started, and how it ended. */
public record StepRecord(int number, String title, String node, StepOutcome outcome, String detail,
                         Map<String, String> facts, Instant startedAt, Duration took) {
    public StepRecord {
        facts = Map.copyOf(facts);
    }

    public boolean done() {
        return outcome == StepOutcome.DONE;
    }
}
