package dev.vigil.monitor;

import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One node's monitoring connection, opened once and kept open between ticks: a login (SCRAM, TLS) costs the
 * server and, on a loaded machine, more than a tick, so it is paid again only after the connection broke. A
 * refused connect fails at once, with the driver's own cause (no pool in between to wait out its timeout).
 */
final class MonitorConnection implements AutoCloseable {
    private final String url;
    private final Properties properties;
    private final int validationSeconds;
    private volatile Connection connection;
    private volatile boolean closed;

    MonitorConnection(MonitorConnectionSettings settings, NodeEndpoint endpoint) {
        this.url = settings.jdbcUrl(endpoint);
        this.properties = settings.connectionProperties(endpoint);
        this.validationSeconds = (int) Math.max(1, settings.socketTimeout().toSeconds());
    }

    /**
     * The open connection, checked with one bounded round trip, or a new one (bounded by the connect and login
     * timeout). The check matters twice: a kept connection that died is found at once, and the server flushes
     * this backend's statistics (at most once a second, when it goes idle) before the tick's reads, so
     * pg_stat_database already holds every transaction the own-transaction count subtracts.
     */
    Connection get() throws SQLException {
        if (closed) {
            throw new SQLException("the monitor is closed", "08003");
        }
        Connection c = connection;
        if (c != null && !c.isClosed()) {
            if (c.isValid(validationSeconds)) {
                return c;
            }
            // A broken kept connection is reported as such, so the sampler connects again at once.
            discard();
            throw new SQLException("the kept monitoring connection no longer answers", "08006");
        }
        c = DriverManager.getConnection(url, properties);
        c.setReadOnly(true);
        connection = c;
        if (closed) {
            discard();
            throw new SQLException("the monitor is closed", "08003");
        }
        return c;
    }

    /** True if a connection is open now: a failure on it is a broken connection, not a failed connect. */
    boolean isOpen() {
        Connection c = connection;
        try {
            return c != null && !c.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the connection (it broke, or is suspect); the next {@link #get()} opens a new one. */
    void discard() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // It is being thrown away because it failed; closing it may fail too.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        discard();
    }
}
