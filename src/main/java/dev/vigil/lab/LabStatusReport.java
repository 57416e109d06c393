package dev.vigil.lab;

import dev.vigil.lab.host.PostmasterPidFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** What {@code vigil lab status} shows of a lab found on disk, asked of its servers over the monitor role. */
public final class LabStatusReport {
    private LabStatusReport() {}

    public record NodeLine(String cluster, String node, int port, boolean running, String role, String version) {}

    public static List<NodeLine> describe(LabJanitor.FoundLab lab) {
        Path pgpass = lab.dir().resolve("pgpass");
        String password = Files.isReadable(pgpass) ? LabCredentials.fromPgpass(pgpass).monitorPassword() : "";
        List<NodeLine> lines = new ArrayList<>();
        lab.marker().clusters().forEach((cluster, nodes) -> nodes.forEach((node, port) -> {
            Path dataDir = lab.dir().resolve(cluster).resolve(node);
            boolean running = PostmasterPidFile.livePostmaster(dataDir).isPresent();
            Optional<String[]> facts = running ? ask(port, password) : Optional.empty();
            lines.add(new NodeLine(cluster, node, port, running,
                    facts.map(f -> f[0]).orElse(running ? "unreachable" : "stopped"),
                    facts.map(f -> f[1]).orElse("")));
        }));
        return lines;
    }

    private static Optional<String[]> ask(int port, String password) {
        Properties props = new Properties();
        props.setProperty("user", LabCredentials.MONITOR_USER);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "vigil-lab-status");
        props.setProperty("connectTimeout", "3");
        props.setProperty("socketTimeout", "5");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + LabCredentials.HOST + ":" + port
                + "/postgres", props); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_is_in_recovery(), "
                     + "pg_catalog.current_setting('server_version')")) {
            rs.next();
            return Optional.of(new String[] {rs.getBoolean(1) ? "standby" : "primary", rs.getString(2)});
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
