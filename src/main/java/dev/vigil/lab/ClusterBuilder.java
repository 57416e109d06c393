package dev.vigil.lab;

import dev.vigil.lab.host.CommandResult;
import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.OsCommand;
import dev.vigil.lab.host.ServiceUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.postgresql.PGConnection;

/** Builds a lab cluster: initdb a primary, load the demo schema, clone and start the standbys. */
final class ClusterBuilder {
    private ClusterBuilder() {}

    static LabCluster build(LabContext context, Path clusterDir, String clusterName, int standbys,
                            Map<String, String> settings) {
        StepTimings timings = new StepTimings();
        ServiceUser user = context.user();
        createOwnedDirectory(clusterDir, user);
        Path logs = clusterDir.resolve("logs");
        createOwnedDirectory(logs, user);

        List<LabNode> nodes = new ArrayList<>();
        for (int i = 1; i <= standbys + 1; i++) {
            String nodeName = "pg" + i;
            nodes.add(new LabNode(context, clusterName, nodeName, freePort(), clusterDir.resolve(nodeName),
                    logs.resolve(nodeName + ".log")));
        }
        LabNode primary = nodes.get(0);
        List<LabNode> standbyNodes = nodes.subList(1, nodes.size());

        initdb(context, clusterDir, primary);
        NodeConfig.writeShared(primary.dataDir(), user, settings);
        primary.writeNodeConfig(null);
        timings.mark("initdb");
        primary.start();
        timings.mark("start primary");
        createRolesAndSchema(context, primary);
        timings.mark("roles and demo schema");
        if (!standbyNodes.isEmpty()) {
            DataDirCloner.cloneOnline(primary, standbyNodes.stream().map(LabNode::dataDir).toList(), user);
        }
        for (LabNode standby : standbyNodes) {
            NodeConfig.markStandby(standby.dataDir(), user);
            standby.writeNodeConfig(primary);
        }
        timings.mark("clone " + standbyNodes.size() + " standbys");
        startAll(standbyNodes);
        timings.mark("start standbys");
        LabCluster cluster = new LabCluster(clusterName, clusterDir, context, nodes, timings);
        cluster.awaitStreaming(primary, standbyNodes, Duration.ofSeconds(60));
        timings.mark("standbys streaming");
        return cluster;
    }

    private static void initdb(LabContext context, Path clusterDir, LabNode primary) {
        Path pwfile = clusterDir.resolve(".initdb-password");
        try {
            Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pwfile, context.credentials().superuserPassword() + "\n");
            context.user().own(pwfile);
            CommandResult result = OsCommand.run(context.user().wrap(List.of(
                    context.binaries().program("initdb").toString(), "-D", primary.dataDir().toString(),
                    "-U", LabCredentials.SUPERUSER, "--pwfile=" + pwfile, "-A", "scram-sha-256",
                    "-E", "UTF8", "--locale=C", "--data-checksums", "-N")), Map.of(), clusterDir, Duration.ofMinutes(3));
            if (!result.succeeded()) {
                throw new LabException("initdb for " + primary + " failed (exit " + result.exitCode() + "):\n"
                        + result.outputTail(10));
            }
        } catch (IOException e) {
            throw new LabException("initdb for " + primary + " could not be prepared: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(pwfile);
            } catch (IOException ignored) {
                // The lab directory, and the file with it, is removed at close.
            }
        }
    }

    private static void createRolesAndSchema(LabContext context, LabNode primary) {
        LabCredentials creds = context.credentials();
        try (Connection c = primary.connect("postgres")) {
            SqlScript.run(c, LabSql.CREATE_ROLES.sql());
            // Hashed on the client: the password never travels or lands in a server log in plain text.
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.alterUserPassword(LabCredentials.REPLICATION_USER, creds.replicationPassword().toCharArray(), null);
            pg.alterUserPassword(LabCredentials.MONITOR_USER, creds.monitorPassword().toCharArray(), null);
        } catch (SQLException e) {
            throw new LabException("Creating the lab roles on " + primary + " failed: " + e.getMessage(), e);
        }
        try (Connection c = primary.connect(LabCluster.DATABASE)) {
            SqlScript.run(c, LabSql.DEMO_SCHEMA.sql());
        } catch (SQLException e) {
            throw new LabException("Loading the demo schema on " + primary + " failed: " + e.getMessage()
                    + ". Is pg_stat_statements installed with these binaries (" + context.binaries() + ")?", e);
        }
    }

    private static void startAll(List<LabNode> nodes) {
        List<CompletableFuture<Void>> starts = nodes.stream()
                .map(n -> CompletableFuture.runAsync(n::start)).toList();
        try {
            starts.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof LabException le ? le : e;
        }
    }

    static void createOwnedDirectory(Path dir, ServiceUser user) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            user.own(dir);
        } catch (IOException e) {
            throw new LabException("Could not create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A port free on 127.0.0.1 right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LabCredentials.HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LabException("No free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
