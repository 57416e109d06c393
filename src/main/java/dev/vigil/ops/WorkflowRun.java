package dev.vigil.ops;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A confirmed workflow running on the engine's executor. {@link #cancel()} is cooperative: the step in flight
 * finishes, no further step starts, and the report says what was done and what remains.
 */
public final class WorkflowRun {
    private final String runId;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final CompletableFuture<WorkflowReport> report = new CompletableFuture<>();

    WorkflowRun(String runId) {
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    public void cancel() {
        cancelRequested.set(true);
    }

    public boolean cancelRequested() {
        return cancelRequested.get();
    }

    /** Completes with the report when the run has stopped (it never completes exceptionally). */
    public CompletableFuture<WorkflowReport> report() {
        return report.copy();
    }

    void finish(WorkflowReport finalReport) {
        report.complete(finalReport);
    }
}
