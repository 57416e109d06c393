package dev.vigil.ops.workflow;

import java.time.Instant;

/** The mutating workflow that holds a cluster, named in the refusal of any other. */
public record RunningWorkflow(String runId, String cluster, String title, String operator, Instant startedAt) {
    public String describe() {
        return "'" + title + "' (run " + runId + ", by " + operator + ", started " + startedAt + ")";
    }
}
