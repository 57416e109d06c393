package dev.vigil.ops.workflow;

import java.sql.SQLException;

/**
 * What an exception out of a step means for its result. A statement the server rejected (bad privileges, a
 * constraint) had no effect: "failed". A broken connection, a cancelled statement, a server shutting down, or
 * anything unforeseen may have struck after the command took effect: "result unknown". A step that knows
 * better returns its own {@link StepResult}.
 */
public final class StepFailures {
    private StepFailures() {}

    public static StepResult classify(Throwable error) {
        String message = describe(error);
        if (error instanceof NotSentException) {
            return StepResult.failed(message + "; nothing was sent");
        }
        if (error instanceof SQLException sql && sql.getSQLState() != null && !mayHaveTakenEffect(sql.getSQLState())) {
            return StepResult.failed("the server refused it (SQLSTATE " + sql.getSQLState() + "): " + message);
        }
        if (error instanceof InterruptedException) {
            return StepResult.unknown("interrupted while it ran: " + message);
        }
        return StepResult.unknown(message);
    }

    /** Connection exceptions (08), operator intervention (57: cancel, timeout, shutdown), system errors (58, XX). */
    static boolean mayHaveTakenEffect(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57") || sqlState.startsWith("58")
                || sqlState.startsWith("XX");
    }

    /** The first line of the innermost cause, which is where pgJDBC puts the server's words. */
    public static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof dev.vigil.cluster.ConnectionFailedException failed) {
                // Already in the operator's terms; the driver's words are inside it.
                String outer = error.getMessage();
                return t == error || outer == null || outer.contains(failed.getMessage()) ? failed.getMessage()
                        : outer.lines().findFirst().orElse(outer) + ": " + failed.getMessage();
            }
        }
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String outer = error.getMessage();
        if (cause != error && outer != null && !outer.contains(message)) {
            message = outer.lines().findFirst().orElse(outer) + ": " + message;
        }
        return message.lines().findFirst().orElse(message);
    }
}
