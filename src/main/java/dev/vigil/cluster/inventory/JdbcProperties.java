package dev.vigil.cluster.inventory;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Which pgJDBC properties the inventory may set. An allow-list, not a deny-list: properties that make pgJDBC load
 * a class or write a file (CVE-2022-21724 and kin) are refused by name with the reason, and anything not known to
 * be harmless is refused too, so a new pgJDBC property cannot slip through.
 */
final class JdbcProperties {
    static final Set<String> ALLOWED = Set.of("connectTimeout", "socketTimeout", "loginTimeout", "tcpKeepAlive",
            "sslcert", "sslkey", "gssEncMode", "kerberosServerName", "jaasApplicationName", "sslNegotiation",
            "cancelSignalTimeout", "options");
    static final Set<String> CLASS_LOADING = Set.of("socketFactory", "socketFactoryArg", "sslfactory", "sslfactoryarg",
            "sslhostnameverifier", "sslpasswordcallback", "authenticationPluginClassName", "loggerFile",
            "loggerLevel");
    /** Set by Vigil itself, so the DBA can trust what a connection says it is. */
    static final Set<String> MANAGED = Set.of("ApplicationName", "user", "password", "sslmode", "sslrootcert",
            "readOnly");

    private JdbcProperties() {}

    static Map<String, String> checked(Map<String, String> properties, Node where) throws InventoryFile.Bad {
        for (String key : properties.keySet()) {
            if (CLASS_LOADING.contains(key)) {
                throw new InventoryFile.Bad(where, "jdbc property '" + key + "' is refused: it makes the driver load "
                        + "a class or write a file chosen by configuration (CVE-2022-21724)");
            }
            if (MANAGED.contains(key)) {
                throw new InventoryFile.Bad(where, "jdbc property '" + key + "' is set by Vigil; use the node's own "
                        + "keys (user, sslmode, sslrootcert) and ~/.pgpass for passwords");
            }
            if (!ALLOWED.contains(key)) {
                throw new InventoryFile.Bad(where, "jdbc property '" + key + "' is not on the allow-list ("
                        + String.join(", ", new TreeSet<>(ALLOWED)) + ")");
            }
        }
        return properties;
    }
}
