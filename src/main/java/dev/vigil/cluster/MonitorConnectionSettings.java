package dev.vigil.cluster;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;

/**
 * How every monitoring connection is made: named {@code vigil-monitor} so DBAs can see and filter it, with
 * {@code statement_timeout} and {@code lock_timeout} below the sampling interval so a sick server cannot make
 * samples pile up, and a small pool (one sample in flight per node needs one connection).
 */
public record MonitorConnectionSettings(Duration interval, Duration connectTimeout) {
    public static final String APPLICATION_NAME = "vigil-monitor";

    public static MonitorConnectionSettings defaults() {
        return new MonitorConnectionSettings(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /** Statements may use most of an interval, never all of it, and never less than 200 ms. */
    public Duration statementTimeout() {
        return Duration.ofMillis(Math.max(200, interval.toMillis() * 8 / 10));
    }

    public Duration lockTimeout() {
        return Duration.ofMillis(Math.max(100, statementTimeout().toMillis() / 2));
    }

    public HikariConfig poolConfig(String clusterName, NodeEndpoint node) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("vigil-monitor-" + clusterName + "-" + node.name());
        config.setJdbcUrl("jdbc:postgresql://" + node.address() + "/" + node.database());
        config.setUsername(node.user());
        if (!node.password().isEmpty()) {
            config.setPassword(node.password());
        }
        node.jdbcProperties().forEach(config::addDataSourceProperty);
        config.addDataSourceProperty("sslmode", node.ssl().mode().pgName());
        node.ssl().rootCert().ifPresent(cert -> config.addDataSourceProperty("sslrootcert", cert.toString()));
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        // A borrow waits up to the connect timeout, set apart from the sampling interval: under CPU load a
        // SCRAM login can take longer than one interval, and capping the wait at the interval gave false
        // "down" (issue 11). The pool keeps its one connection open between ticks, so a healthy tick never logs in.
        config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        config.setValidationTimeout(Math.max(250, connectTimeout.toMillis() / 2));
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        config.addDataSourceProperty("socketTimeout", Long.toString(Math.max(2, interval.toSeconds() * 5)));
        config.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeout().toMillis()
                + " -c lock_timeout=" + lockTimeout().toMillis());
        return config;
    }
}
