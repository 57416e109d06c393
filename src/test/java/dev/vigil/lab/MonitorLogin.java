package dev.vigil.lab;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A collector test's connection: the lab's least-privileged monitoring role (pg_monitor only), named as Vigil's
 * monitor names itself, so the test reads what a real sampler would and no more.
 */
public final class MonitorLogin {
    private MonitorLogin() {}

    public static Connection open(LabCluster cluster, LabNode node, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", LabCredentials.MONITOR_USER);
        props.setProperty("password", cluster.credentials().monitorPassword());
        props.setProperty("ApplicationName", "vigil-monitor");
        return DriverManager.getConnection(node.jdbcUrl(database), props);
    }

    /** The server's version number, as collectors take it ({@code server_version_num}). */
    public static int versionNum(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
