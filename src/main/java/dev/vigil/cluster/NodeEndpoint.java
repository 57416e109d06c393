package dev.vigil.cluster;

import java.util.Map;

/**
 * How to reach one node for monitoring. The password stays in memory and is never printed; an empty password
 * means none was found ({@link PasswordSource#NONE}).
 *
 * @param jdbcProperties extra pgJDBC properties, already checked against the allow-list
 * @param passwordOrigin where the password came from exactly ("PGPASSFILE=/x line 3"), or where none was found:
 *                       what a failed login names so the operator knows which line to fix
 */
public record NodeEndpoint(String name, String host, int port, String database, String user, String password,
                           PasswordSource passwordSource, SslSettings ssl, Map<String, String> jdbcProperties,
                           String passwordOrigin) {

    public NodeEndpoint {
        jdbcProperties = Map.copyOf(jdbcProperties);
    }

    public NodeEndpoint(String name, String host, int port, String database, String user, String password,
                        PasswordSource passwordSource, SslSettings ssl, Map<String, String> jdbcProperties) {
        this(name, host, port, database, user, password, passwordSource, ssl, jdbcProperties, passwordSource.describe());
    }

    /** A lab node: loopback, no TLS, password from the lab. */
    public NodeEndpoint(String name, String host, int port, String database, String user, String password) {
        this(name, host, port, database, user, password, PasswordSource.LAB, SslSettings.DISABLED, Map.of());
    }

    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "NodeEndpoint[" + name + " " + user + "@" + address() + "/" + database + ", sslmode="
                + ssl.mode().pgName() + ", password from " + passwordSource + "]";
    }
}
