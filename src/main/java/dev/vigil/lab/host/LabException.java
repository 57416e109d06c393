package dev.vigil.lab.host;

/** A lab step failed. The message names the step, the node or file, and what to do about it. */
public class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
