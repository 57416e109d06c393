package dev.vigil.cluster;

import java.time.Duration;

/**
 * How every monitoring connection is made: named {@code vigil-monitor} so DBAs can see and filter it, with
 * {@code statement_timeout} and {@code lock_timeout} below the sampling interval so a sick server cannot make
 * samples pile up, one connection per node kept open between ticks, and when a node counts as down.
 *
 * @param connectTimeout how long a connect and login (SCRAM included) may take, set apart from the interval:
 *                       under CPU load a login can take longer than one interval
 * @param downAfter      a node that does not answer is late until it has not answered for this long
 * @param downAttempts   ... and at least this many attempts failed; then it is down. A refused connection, a
 *                       failed login or a server shutting down is down at once.
 */
public record MonitorConnectionSettings(Duration interval, Duration connectTimeout, Duration downAfter,
                                        int downAttempts) {
    public static final String APPLICATION_NAME = "vigil-monitor";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_DOWN_AFTER = Duration.ofSeconds(3);
    public static final int DEFAULT_DOWN_ATTEMPTS = 2;

    public MonitorConnectionSettings(Duration interval, Duration connectTimeout) {
        this(interval, connectTimeout, DEFAULT_DOWN_AFTER, DEFAULT_DOWN_ATTEMPTS);
    }

    public static MonitorConnectionSettings defaults() {
        return new MonitorConnectionSettings(Duration.ofSeconds(1), DEFAULT_CONNECT_TIMEOUT);
    }

    public MonitorConnectionSettings withConnectTimeout(Duration timeout) {
        return new MonitorConnectionSettings(interval, timeout, downAfter, downAttempts);
    }

    public MonitorConnectionSettings withDownAfter(Duration after) {
        return new MonitorConnectionSettings(interval, connectTimeout, after, downAttempts);
    }

    /** A node whose newest good sample is older than this is late: about two ticks missed. */
    public Duration lateAfter() {
        return interval.multipliedBy(2).plus(statementTimeout());
    }

    /**
     * How long a read on an open connection may wait for the server before the connection is given up: above
     * the statement timeout (the server cancels before this) and long enough for a loaded machine.
     */
    public Duration socketTimeout() {
        return Duration.ofMillis(Math.max(2_000, interval.toMillis() * 2));
    }

    public String jdbcUrl(NodeEndpoint node) {
        return "jdbc:postgresql://" + node.address() + "/" + node.database();
    }

    /** The driver properties of one monitoring connection (the password included, when there is one). */
    public java.util.Properties connectionProperties(NodeEndpoint node) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", node.user());
        if (!node.password().isEmpty()) {
            p.setProperty("password", node.password());
        }
        node.jdbcProperties().forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        p.setProperty("sslmode", node.ssl().mode().pgName());
        node.ssl().rootCert().ifPresent(cert -> p.setProperty("sslrootcert", cert.toString()));
        p.setProperty("ApplicationName", APPLICATION_NAME);
        long connectSeconds = Math.max(1, (connectTimeout.toMillis() + 999) / 1000);
        p.setProperty("connectTimeout", Long.toString(connectSeconds));
        p.setProperty("loginTimeout", Long.toString(connectSeconds));
        p.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout().toSeconds())));
        p.setProperty("options", "-c statement_timeout=" + statementTimeout().toMillis()
                + " -c lock_timeout=" + lockTimeout().toMillis());
        return p;
    }

    /** Statements may use most of an interval, never all of it, and never less than 200 ms. */
    public Duration statementTimeout() {
        return Duration.ofMillis(Math.max(200, interval.toMillis() * 8 / 10));
    }

    public Duration lockTimeout() {
        return Duration.ofMillis(Math.max(100, statementTimeout().toMillis() / 2));
    }
}
