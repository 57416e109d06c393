package dev.vigil.cluster;

import java.sql.SQLException;

/**
 * A connection that could not be opened, already classified: the message is {@link ConnectionFailure#message()},
 * the SQLSTATE and the cause are the driver's, so code that looks at either still can.
 */
public final class ConnectionFailedException extends SQLException {
    private static final long serialVersionUID = 1L;
    private final transient ConnectionFailure failure;

    public ConnectionFailedException(ConnectionFailure failure, SQLException cause) {
        super(failure.message(), cause.getSQLState(), cause);
        this.failure = failure;
    }

    public ConnectionFailure failure() {
        return failure;
    }
}
