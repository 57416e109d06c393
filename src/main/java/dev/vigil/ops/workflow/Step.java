package dev.vigil.ops.workflow;

import java.time.Duration;

/**
 * One step of a plan: what it does in words, where, the exact command, its time limit, and the action that
 * runs the command. The engine journals it before it starts and after it ends.
 *
 * @param detail what the operator needs to recognise the target (user, application, state, query)
 * @param role   what the step is to its workflow ("stop", "promote"), so that the workflow can find it again in
 *               its plan and in the steps run without reading titles; empty for a step nothing looks for
 */
public record Step(String title, String detail, String node, Command command, Duration timeout, Action action,
                   String role) {

    public Step(String title, String detail, String node, Command command, Duration timeout, Action action) {
        this(title, detail, node, command, timeout, action, "");
    }

    public Step withRole(String newRole) {
        return new Step(title, detail, node, command, timeout, action, newRole);
    }

    @FunctionalInterface
    public interface Action {
        /** Runs the command once. An exception becomes "failed" or "result unknown" (see {@link StepFailures}). */
        StepResult run(WorkflowContext context) throws Exception;
    }
}
