package dev.vigil.lab;

import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.ServiceUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the lab's server configuration. Shared settings go into postgresql.conf once, at initdb; what differs
 * per node (port, name, upstream) lives in {@code vigil_node.conf}, included last, so a clone gets its own by
 * rewriting one small file, and re-pointing a standby is a rewrite plus a reload.
 */
final class NodeConfig {
    static final String NODE_FILE = "vigil_node.conf";

    private NodeConfig() {}

    static void writeShared(Path dataDir, ServiceUser user, java.util.Map<String, String> extra) {
        String conf = """

                # --- Vigil lab settings ---
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 100
                shared_buffers = '64MB'
                wal_level = replica
                max_wal_senders = 10
                max_replication_slots = 10
                wal_keep_size = '256MB'
                hot_standby = on
                hot_standby_feedback = on
                wal_receiver_status_interval = '1s'
                wal_retrieve_retry_interval = '200ms'
                shared_preload_libraries = 'pg_stat_statements'
                pg_stat_statements.track = 'top'
                track_io_timing = on
                log_line_prefix = '%m [%p] %q%a '
                log_checkpoints = on
                include_if_exists = '""" + NODE_FILE + "'\n";
        StringBuilder extraLines = new StringBuilder();
        extra.forEach((name, value) -> {
            if (!name.matches("[a-z_][a-z0-9_.]*")) {
                throw new LabException("'" + name + "' is not a server setting name.");
            }
            extraLines.append(name).append(" = '").append(value.replace("'", "''")).append("'\n");
        });
        // Extra settings go before the include of the node file, which stays last.
        conf = conf.replace("include_if_exists", extraLines + "include_if_exists");
        String hba = """
                # Vigil lab: TCP on loopback only, SCRAM passwords (kept in 0600 password files).
                # TYPE  DATABASE     USER        ADDRESS        METHOD
                host    all          all         127.0.0.1/32   scram-sha-256
                host    replication  replicator  127.0.0.1/32   scram-sha-256
                """;
        try {
            Files.writeString(dataDir.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
            writePrivate(dataDir.resolve("pg_hba.conf"), hba, user);
        } catch (IOException e) {
            throw new LabException("Could not configure " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The per-node file: port, a process title naming the node, and for standbys the upstream. */
    static void writeNode(Path dataDir, String clusterName, String nodeName, int port, LabNode upstream,
                          Path replicationPgpass, ServiceUser user) {
        StringBuilder conf = new StringBuilder("# Written by the Vigil lab for node ").append(nodeName).append('\n')
                .append("port = ").append(port).append('\n')
                .append("cluster_name = '").append(clusterName).append('/').append(nodeName).append("'\n");
        if (upstream != null) {
            String conninfo = "host=" + LabCredentials.HOST + " port=" + upstream.port()
                    + " user=" + LabCredentials.REPLICATION_USER
                    + " passfile=" + conninfoValue(replicationPgpass.toString())
                    + " application_name=" + conninfoValue(nodeName) + " connect_timeout=2";
            conf.append("primary_conninfo = '").append(conninfo.replace("'", "''")).append("'\n");
        }
        writePrivate(dataDir.resolve(NODE_FILE), conf.toString(), user);
        forgetAutoConninfo(dataDir);
    }

    /**
     * postgresql.auto.conf is read after the node file, so a primary_conninfo left there by ALTER SYSTEM (a
     * switchover re-points standbys that way) would override the upstream just written. The server rewrites
     * the whole file on each ALTER SYSTEM, so dropping one line between those is safe.
     */
    private static void forgetAutoConninfo(Path dataDir) {
        Path auto = dataDir.resolve("postgresql.auto.conf");
        try {
            if (!Files.exists(auto)) {
                return;
            }
            java.util.List<String> lines = Files.readAllLines(auto);
            java.util.List<String> kept = lines.stream()
                    .filter(l -> !l.stripLeading().startsWith("primary_conninfo")).toList();
            if (kept.size() != lines.size()) {
                Files.write(auto, kept);
            }
        } catch (IOException e) {
            throw new LabException("Could not update " + auto + ": " + e.getMessage(), e);
        }
    }

    /** A libpq keyword value, quoted when it holds anything but plain characters. */
    static String conninfoValue(String value) {
        if (value.matches("[A-Za-z0-9_./-]+")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static void markStandby(Path dataDir, ServiceUser user) {
        writePrivate(dataDir.resolve("standby.signal"), "", user);
    }

    private static void writePrivate(Path file, String text, ServiceUser user) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
            user.own(file);
        } catch (IOException e) {
            throw new LabException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
