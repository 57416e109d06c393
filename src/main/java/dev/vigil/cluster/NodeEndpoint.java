package dev.vigil.cluster;

/**
 * How to reach one node for monitoring. The password stays in memory; it is never printed.
 */
public record NodeEndpoint(String name, String host, int port, String database, String user, String password) {

    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "NodeEndpoint[" + name + " " + user + "@" + address() + "/" + database + "]";
    }
}
