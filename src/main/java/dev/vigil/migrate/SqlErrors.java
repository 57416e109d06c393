package dev.vigil.migrate;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The server's own words for an error, with its SQLSTATE: what a DBA would read in the log. */
final class SqlErrors {
    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final String QUERY_CANCELED = "57014";

    private SqlErrors() {}

    /** "ERROR 42703: column "x" does not exist (hint: …)" */
    static String describe(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            StringBuilder b = new StringBuilder(m.getSeverity() == null ? "ERROR" : m.getSeverity());
            b.append(' ').append(m.getSQLState()).append(": ").append(m.getMessage());
            if (m.getDetail() != null) {
                b.append(" (detail: ").append(m.getDetail()).append(')');
            }
            if (m.getHint() != null) {
                b.append(" (hint: ").append(m.getHint()).append(')');
            }
            return b.toString();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return (e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ") + message;
    }

    static boolean lockTimeout(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    /** The connection broke: whatever was in flight may or may not have reached the server. */
    static boolean connectionLost(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }
}
