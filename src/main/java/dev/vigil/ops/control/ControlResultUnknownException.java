package dev.vigil.ops.control;

/**
 * A control command was stopped before it said how it ended (time limit, interruption): it may have done all,
 * part or none of its work, so the step's result is unknown, not failed.
 */
public class ControlResultUnknownException extends ControlException {
    public ControlResultUnknownException(String message) {
        super(message);
    }

    public ControlResultUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
