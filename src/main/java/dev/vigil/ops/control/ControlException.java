package dev.vigil.ops.control;

/** A control command failed or could not be run; the message names the node, the command and what it said. */
public class ControlException extends Exception {
    public ControlException(String message) {
        super(message);
    }

    public ControlException(String message, Throwable cause) {
        super(message, cause);
    }
}
