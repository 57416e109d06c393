package dev.vigil.ops;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.ConnectionFailedException;
import dev.vigil.cluster.ConnectionFailures;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.OperatorAccess;
import dev.vigil.cluster.PasswordLookup;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Connections for actions, named {@code vigil-action} so a DBA can tell them from monitoring and from everyone
 * else, each opened for one step or check with that step's {@code statement_timeout} and {@code lock_timeout}.
 * Reads that need no privilege (what a session is doing now) use the monitoring login; anything that changes
 * the cluster logs in as the cluster's operator role.
 */
public final class ActionConnections {
    public static final String APPLICATION_NAME = dev.vigil.cluster.VigilApplications.ACTION;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private ActionConnections() {}

    /** Server-side limits for one piece of work, kept below the time the engine gives it. */
    public record Limits(Duration statementTimeout, Duration lockTimeout) {
        /** 70 % of the work's time limit for any one statement, half of that for waiting on a lock. */
        public static Limits within(Duration timeLimit) {
            Duration statement = Duration.ofMillis(Math.max(200, timeLimit.toMillis() * 7 / 10));
            return new Limits(statement, Duration.ofMillis(Math.max(100, statement.toMillis() / 2)));
        }
    }

    /** Logged in as the cluster's operator role; refused with what to configure when it has none. */
    public static Connection operator(ClusterDefinition cluster, NodeEndpoint node, Limits limits)
            throws SQLException, MissingOperatorLogin {
        return operator(cluster, node, limits, false);
    }

    /**
     * The operator login over pgJDBC's simple query protocol, which EXPLAIN (GENERIC_PLAN) of a text with
     * {@code $1} placeholders needs: the extended protocol would send a Bind with no values and be refused.
     */
    public static Connection operatorSimpleProtocol(ClusterDefinition cluster, NodeEndpoint node, Limits limits)
            throws SQLException, MissingOperatorLogin {
        return operator(cluster, node, limits, true);
    }

    private static Connection operator(ClusterDefinition cluster, NodeEndpoint node, Limits limits, boolean simple)
            throws SQLException, MissingOperatorLogin {
        OperatorAccess access = cluster.actions().orElseThrow(() -> new MissingOperatorLogin(cluster.name()));
        Optional<PasswordLookup.Password> password = access.password(node);
        return open(node, ConnectionFailures.Login.as(node, access.user(), password, CONNECT_TIMEOUT),
                password.map(PasswordLookup.Password::value).orElse(""), limits, false, simple);
    }

    /** Logged in as the monitoring role, read-only: for looking, never for acting. */
    public static Connection reader(NodeEndpoint node, Limits limits) throws SQLException {
        return open(node, ConnectionFailures.Login.monitor(node, CONNECT_TIMEOUT), node.password(), limits, true, false);
    }

    private static Connection open(NodeEndpoint node, ConnectionFailures.Login login, String password, Limits limits,
                                   boolean readOnly, boolean simpleProtocol) throws SQLException {
        String user = login.user();
        Properties props = new Properties();
        node.jdbcProperties().forEach(props::setProperty);
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("sslmode", node.ssl().mode().pgName());
        node.ssl().rootCert().ifPresent(cert -> props.setProperty("sslrootcert", cert.toString()));
        props.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        props.setProperty("loginTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        // The client gives up a little after the server would have: the server's timeout is the one that reports.
        props.setProperty("socketTimeout", Long.toString(Math.max(2, limits.statementTimeout().toSeconds() * 2 + 1)));
        String configured = node.jdbcProperties().getOrDefault("options", "");
        props.setProperty("options", (configured.isBlank() ? "" : configured + " ") + "-c statement_timeout="
                + limits.statementTimeout().toMillis() + " -c lock_timeout=" + limits.lockTimeout().toMillis());
        if (readOnly) {
            props.setProperty("readOnly", "true");
        }
        if (simpleProtocol) {
            props.setProperty("preferQueryMode", "simple");
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:postgresql://" + node.address() + "/" + node.database(), props);
        } catch (SQLException e) {
            // Said once, here, in the operator's terms: which class of failure, and what to do.
            throw new ConnectionFailedException(ConnectionFailures.classify(e, login), e);
        }
        c.setAutoCommit(true);
        return c;
    }
}
