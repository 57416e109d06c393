package dev.vigil.ops.workflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A confirmed workflow running on the engine's executor. {@link #cancel()} is cooperative: the step in flight
 * finishes, no further step starts, and the report says what was done and what remains.
 */
public final class WorkflowRun {
    private final String runId;
    private final String title;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile long cancelAskedAt;
    private final CompletableFuture<WorkflowReport> report = new CompletableFuture<>();

    WorkflowRun(String runId, String title) {
        this.runId = runId;
        this.title = title;
    }

    public String runId() {
        return runId;
    }

    /** The workflow's title ("Switch over demo to pg2"). */
    public String title() {
        return title;
    }

    public void cancel() {
        if (cancelRequested.compareAndSet(false, true)) {
            cancelAskedAt = System.nanoTime();
        }
    }

    /** {@link System#nanoTime()} when the cancel was first asked for; 0 when it was not. */
    long cancelAskedAt() {
        return cancelAskedAt;
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
