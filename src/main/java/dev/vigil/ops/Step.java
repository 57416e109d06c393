package dev.vigil.ops;

import java.time.Duration;

/**
 * One step of a plan: what it does in words, where, the exact command, its time limit, and the action that
 * runs the command. The engine journals it before it starts and after it ends.
 *
 * @param detail what the operator needs to recognise the target (user, application, state, query)
 */
public record Step(String title, String detail, String node, Command command, Duration timeout, Action action) {

    @FunctionalInterface
    public interface Action {
        /** Runs the command once. An exception becomes "failed" or "result unknown" (see {@link StepFailures}). */
        StepResult run(WorkflowContext context) throws Exception;
    }
}
