package dev.vigil.ops.workflow;

/**
 * A step could not even reach its node (no connection, no login), so its command was never sent: the step
 * failed, and nothing changed. Distinguishes "refused before sending" from a broken connection mid-command.
 */
public class NotSentException extends Exception {
    public NotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
