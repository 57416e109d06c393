package dev.vigil.ops.control;

import dev.vigil.ops.workflow.Command;
import java.time.Duration;

/**
 * One thing a {@link NodeControl} can do to a node: the command exactly as it will run, for the plan and the
 * journal, and the code that runs it.
 */
public record ControlAction(Command command, Body body) {

    @FunctionalInterface
    public interface Body {
        /** Runs the command once, within {@code timeout}; returns what it printed or did, for the journal. */
        String run(Duration timeout) throws ControlException;
    }

    public String run(Duration timeout) throws ControlException {
        return body.run(timeout);
    }
}
