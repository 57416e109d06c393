package dev.vigil.lab;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * A collector test's lab: one server (a primary, no standby) on the given binaries, and connections as the
 * lab's least-privileged monitoring role (pg_monitor only), named as Vigil's monitor names itself, so the test
 * reads what a real sampler would and no more.
 */
public record OneNodeLab(Lab lab, LabCluster cluster, LabNode node) implements AutoCloseable {

    public static OneNodeLab open(Optional<Path> pgBin, String name) {
        Lab lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin.orElse(null)));
        LabCluster cluster = lab.createCluster(name, 0);
        return new OneNodeLab(lab, cluster, cluster.primary());
    }

    public Connection monitor(String database) throws SQLException {
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

    @Override
    public void close() {
        lab.close();
    }
}
