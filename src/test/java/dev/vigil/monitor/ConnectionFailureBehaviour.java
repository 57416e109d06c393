package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.PasswordLookup;
import dev.vigil.cluster.PasswordSource;
import dev.vigil.cluster.SslMode;
import dev.vigil.cluster.SslSettings;
import dev.vigil.cluster.inventory.InventoryFile;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.StopMode;
import dev.vigil.lab.host.Waits;
import dev.vigil.libpq.Pgpass;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each class of connection failure against a real thing (a lab node, a closed port, a listener that never
 * answers), through the sampler's own connect path, with the message the operator reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionFailureBehaviour {
    private static final MonitorConnectionSettings SETTINGS = new MonitorConnectionSettings(Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    private Lab lab;
    private LabCluster cluster;
    private LabNode node;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        lab = Lab.open();
        // Four slots for roles without SUPERUSER, so a test can fill them.
        cluster = lab.createCluster("failures", 0, Map.of("max_connections", "5", "superuser_reserved_connections", "1"));
        node = cluster.primary();
        dir = Files.createTempDirectory("vigil-failures");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private NodeEndpoint endpoint(String database, int port, SslSettings ssl) {
        return new NodeEndpoint("pg1", LabCredentials.HOST, port, database, LabCredentials.MONITOR_USER,
                cluster.credentials().monitorPassword(), PasswordSource.LAB, ssl, Map.of());
    }

    /** One tick of a real sampler; the node's error as every view shows it. */
    private static NodeStatus tick(NodeEndpoint endpoint) {
        List<NodeSample> samples = new CopyOnWriteArrayList<>();
        try (NodeSampler sampler = new NodeSampler("t", endpoint, SETTINGS, List.of(), samples::add)) {
            sampler.tick();
        }
        return samples.get(samples.size() - 1).status();
    }

    private Path pgpassWith(String password) throws Exception {
        Path file = dir.resolve("pgpass-" + System.nanoTime());
        Pgpass.write(file, List.of(new Pgpass.Entry("10.9.9.9", "*", "*", "someone", "x"),
                new Pgpass.Entry(LabCredentials.HOST, Integer.toString(node.port()), "*", LabCredentials.MONITOR_USER, password)));
        return file;
    }

    private Path config(String clusterName) throws Exception {
        Path yaml = dir.resolve(clusterName + ".yaml");
        Files.writeString(yaml, """
                clusters:
                  - name: %s
                    database: shop
                    nodes:
                      - name: pg1
                        host: 127.0.0.1
                        port: %d
                        user: vigil_monitor
                        sslmode: disable
                """.formatted(clusterName, node.port()));
        return yaml;
    }

    @Test
    @Order(1)
    void aWrongPasswordFromAPasswordFileIsAnAuthenticationFailureNamingTheFileAndLine() throws Exception {
        Path pgpass = pgpassWith("wrong-password");
        ClusterDefinition configured = InventoryFile.load(config("wrongpw"), PasswordLookup.pgpass(pgpass)).clusters().get(0);
        NodeStatus status = tick(configured.nodes().get(0));
        assertThat(status.isUp()).isFalse();
        // Pgpass.write puts a comment on line 1, so the monitor's entry is on line 3.
        assertThat(status.error()).startsWith("authentication failed: password authentication failed for user "
                        + "\"vigil_monitor\"").contains("password from " + pgpass + " line 3")
                .contains("Correct the password at " + pgpass + " line 3")
                .doesNotContain("unreachable").doesNotContain("total=");
    }

    @Test
    @Order(2)
    void withPgpassfileSetTheCliNamesItInTheFailure() throws Exception {
        Path pgpass = pgpassWith("wrong-password");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.vigil.Launcher", "status", "--cluster", "viaenv",
                "--config", config("viaenv").toString()).redirectErrorStream(true);
        pb.environment().put("PGPASSFILE", pgpass.toString());
        Process p = pb.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("vigil status finished").isTrue();
        String out = output.get(5, TimeUnit.SECONDS);
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("authentication failed").contains("PGPASSFILE=" + pgpass + " line 3")
                .doesNotContain("~/.pgpass");
    }

    @Test
    @Order(3)
    void aClosedPortIsNothingListening() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        NodeStatus status = tick(endpoint("shop", closed, SslSettings.DISABLED));
        assertThat(status.error()).startsWith("nothing listening: connection to 127.0.0.1:" + closed + " refused")
                .contains("Start PostgreSQL on pg1");
    }

    @Test
    @Order(4)
    void anAddressThatNeverAnswersIsNoAnswerWithinTheWait() throws Exception {
        // A listener that never accepts, its backlog filled: the kernel drops further SYNs, as a firewall would.
        try (ServerSocket hole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    fillers.add(s);
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hole.getLocalPort()), 300);
                    } catch (java.net.SocketTimeoutException full) {
                        break;
                    }
                }
                long started = System.nanoTime();
                NodeStatus status = tick(endpoint("shop", hole.getLocalPort(), SslSettings.DISABLED));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(status.error()).startsWith("no answer: no answer from 127.0.0.1:" + hole.getLocalPort())
                        .contains("within").contains("firewall").doesNotContain("total=").doesNotContain("idle=");
                assertThat(took).isLessThan(Duration.ofSeconds(10));
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    @Order(5)
    void verifyFullAgainstAServerWithoutTlsIsATlsFailure() throws Exception {
        Path ca = dir.resolve("ca.crt");
        Files.writeString(ca, "not a certificate\n");
        NodeStatus status = tick(endpoint("shop", node.port(), new SslSettings(SslMode.VERIFY_FULL, Optional.of(ca))));
        assertThat(status.error()).startsWith("TLS failure: the server does not accept TLS, and sslmode verify-full "
                + "requires it").contains("ssl = on");
    }

    @Test
    @Order(6)
    void aMissingDatabaseIsNamed() {
        NodeStatus status = tick(endpoint("nosuchdb", node.port(), SslSettings.DISABLED));
        assertThat(status.error()).startsWith("database does not exist: database \"nosuchdb\" does not exist")
                .contains("CREATE DATABASE nosuchdb");
    }

    @Test
    @Order(7)
    void aServerOutOfConnectionsIsTooManyConnections() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(node.connect("shop"));
            }
            NodeStatus status = tick(endpoint("shop", node.port(), SslSettings.DISABLED));
            assertThat(status.error()).startsWith("too many connections: ").contains("max_connections");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    @Order(8)
    void aServerShuttingDownSaysSo() throws Exception {
        Connection keepsItUp = node.connect("shop");
        // A smart shutdown waits for sessions to end; until then new logins are told it is shutting down.
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> node.stop(StopMode.SMART));
        try {
            String[] last = {""};
            Waits.within(Duration.ofSeconds(30), () -> {
                last[0] = tick(endpoint("shop", node.port(), SslSettings.DISABLED)).error();
                return last[0].startsWith("shutting down: ");
            });
            assertThat(last[0]).startsWith("shutting down: the database system is shutting down")
                    .contains("wait for the node to come back");
        } finally {
            keepsItUp.close();
            stopping.get(60, TimeUnit.SECONDS);
            node.start();
        }
    }

    @Test
    @Order(9)
    void certificateProblemsAreNamed() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        openssl(tls, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca1.key", "-out", "ca1.crt", "-days", "2",
                "-subj", "/CN=vigil-test-ca1");
        openssl(tls, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca2.key", "-out", "ca2.crt", "-days", "2",
                "-subj", "/CN=vigil-test-ca2");
        openssl(tls, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=wrong.example");
        openssl(tls, "x509", "-req", "-in", "server.csr", "-CA", "ca1.crt", "-CAkey", "ca1.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2");
        var owner = Files.getOwner(node.dataDir());
        for (String f : List.of("server.crt", "server.key")) {
            Path target = node.dataDir().resolve(f);
            Files.copy(tls.resolve(f), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setOwner(target, owner);
            Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        try (Connection c = node.connect("shop"); var st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET ssl = 'on'");
            st.execute("SELECT pg_catalog.pg_reload_conf()");
        }
        try {
            Waits.until(Duration.ofSeconds(20), "ssl on", () -> {
                try (Connection c = node.connect("shop"); var st = c.createStatement();
                     var rs = st.executeQuery("SHOW ssl")) {
                    return rs.next() && rs.getString(1).equals("on");
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
            Path otherCa = tls.resolve("ca2.crt");
            NodeStatus untrusted = tick(endpoint("shop", node.port(), new SslSettings(SslMode.VERIFY_FULL, Optional.of(otherCa))));
            assertThat(untrusted.error()).startsWith("TLS failure: the server's certificate is not signed by a CA in "
                    + otherCa).contains("sslrootcert");
            NodeStatus wrongName = tick(endpoint("shop", node.port(),
                    new SslSettings(SslMode.VERIFY_FULL, Optional.of(tls.resolve("ca1.crt")))));
            assertThat(wrongName.error()).startsWith("TLS failure: the server's certificate does not name the host "
                    + "127.0.0.1");
            NodeStatus trustedCa = tick(endpoint("shop", node.port(),
                    new SslSettings(SslMode.VERIFY_CA, Optional.of(tls.resolve("ca1.crt")))));
            assertThat(trustedCa.isUp()).as(trustedCa.error()).isTrue();
        } finally {
            try (Connection c = node.connect("shop"); var st = c.createStatement()) {
                st.execute("ALTER SYSTEM RESET ssl");
                st.execute("SELECT pg_catalog.pg_reload_conf()");
            }
        }
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command) + ": " + out).isTrue();
    }
}
