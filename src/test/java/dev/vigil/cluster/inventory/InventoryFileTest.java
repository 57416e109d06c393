package dev.vigil.cluster.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.PasswordLookup;
import dev.vigil.cluster.PasswordSource;
import dev.vigil.cluster.SslMode;
import dev.vigil.libpq.Pgpass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryFileTest {
    @TempDir
    Path dir;

    private Inventory load(String yaml) throws Exception {
        return load(yaml, PasswordLookup.pgpass(dir.resolve("no-pgpass")));
    }

    private Inventory load(String yaml, PasswordLookup passwords) throws Exception {
        Path file = dir.resolve("clusters.yaml");
        Files.writeString(file, yaml);
        return InventoryFile.load(file, passwords);
    }

    private List<String> errors(Inventory inventory) {
        return inventory.problems().stream().filter(p -> p.severity() == InventoryProblem.Severity.ERROR)
                .map(InventoryProblem::toString).toList();
    }

    @Test
    void settingsCascadeFromDefaultsToClusterToNode() throws Exception {
        Inventory inv = load("""
                defaults:
                  user: watcher
                  sslmode: require
                  jdbc:
                    tcpKeepAlive: "true"
                clusters:
                  - name: shop
                    database: shopdb
                    nodes:
                      - name: db1
                        host: 10.0.0.11
                      - name: db2
                        host: 10.0.0.12
                        port: 6432
                        sslmode: disable
                """);
        assertThat(errors(inv)).isEmpty();
        ClusterDefinition shop = inv.clusters().get(0);
        NodeEndpoint db1 = shop.nodes().get(0);
        NodeEndpoint db2 = shop.nodes().get(1);
        assertThat(db1).extracting(NodeEndpoint::host, NodeEndpoint::port, NodeEndpoint::database, NodeEndpoint::user)
                .containsExactly("10.0.0.11", 5432, "shopdb", "watcher");
        assertThat(db1.ssl().mode()).isEqualTo(SslMode.REQUIRE);
        assertThat(db1.jdbcProperties()).containsEntry("tcpKeepAlive", "true");
        assertThat(db2.port()).isEqualTo(6432);
        assertThat(db2.ssl().mode()).isEqualTo(SslMode.DISABLE);
    }

    @Test
    void aBadClusterIsReportedByLineAndTheOthersStillLoad() throws Exception {
        Inventory inv = load("""
                clusters:
                  - name: good
                    nodes:
                      - name: a
                        host: h1
                  - name: typo
                    nodes:
                      - name: b
                        host: h2
                        prot: 5432
                  - name: far
                    nodes:
                      - name: c
                        host: h3
                        port: 70000
                """);
        assertThat(inv.clusters()).extracting(ClusterDefinition::name).containsExactly("good");
        String file = dir.resolve("clusters.yaml").toString();
        assertThat(errors(inv)).containsExactly(
                file + ":10: error: unknown key 'prot' in a node (allowed: database, host, jdbc, name, port, sslmode, "
                        + "sslrootcert, user); this cluster is not loaded, the others are.",
                file + ":15: error: port 70000 is out of range (1-65535); this cluster is not loaded, the others are.");
    }

    @Test
    void classLoadingJdbcPropertiesArePasswordsAreRefused() throws Exception {
        Inventory inv = load("""
                clusters:
                  - name: evil
                    jdbc:
                      socketFactory: com.example.Pwn
                    nodes:
                      - name: a
                        host: h
                  - name: leaky
                    nodes:
                      - name: a
                        host: h
                        password: hunter2
                  - name: unknown
                    jdbc:
                      somethingNew: x
                    nodes:
                      - name: a
                        host: h
                """);
        assertThat(inv.clusters()).isEmpty();
        assertThat(errors(inv)).hasSize(3);
        assertThat(errors(inv).get(0)).contains(":4:").contains("socketFactory").contains("CVE-2022-21724");
        assertThat(errors(inv).get(1)).contains(":12:").contains("passwords never go in this file");
        assertThat(errors(inv).get(2)).contains(":15:").contains("somethingNew").contains("allow-list");
        assertThat(inv.problems().toString()).doesNotContain("hunter2");
    }

    @Test
    void verifyFullNeedsAReadableRootCertificate() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        Inventory inv = load("""
                clusters:
                  - name: strict
                    sslmode: verify-full
                    sslrootcert: %s
                    nodes:
                      - name: a
                        host: db.example.com
                  - name: nocert
                    sslmode: verify-full
                    sslrootcert: %s
                    nodes:
                      - name: a
                        host: db.example.com
                """.formatted(ca, dir.resolve("missing.crt")));
        assertThat(inv.clusters()).extracting(ClusterDefinition::name).containsExactly("strict");
        assertThat(inv.clusters().get(0).nodes().get(0).ssl().rootCert()).contains(ca);
        assertThat(errors(inv)).singleElement().asString().contains(":12:").contains("missing.crt")
                .contains("sslrootcert");
    }

    @Test
    void mistakesAtTheTopLoadNothingAndSayWhere() throws Exception {
        assertThat(errors(load("cluster:\n  - name: a\n"))).singleElement().asString()
                .contains(":1:").contains("unknown key 'cluster'").contains("Nothing was loaded");
        assertThat(errors(load("clusters:\n  - name: a\n    nodes: [\n"))).singleElement().asString()
                .contains("not valid YAML");
        assertThat(errors(InventoryFile.load(dir.resolve("absent.yaml"), PasswordLookup.pgpass(dir.resolve("x")))))
                .singleElement().asString().contains("absent.yaml").contains("file not found");
    }

    @Test
    void passwordsComeFromThePgpassFileAndAnOpenFileIsIgnored() throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Pgpass.write(pgpass, List.of(new Pgpass.Entry("10.0.0.11", "5432", "*", "vigil_monitor", "s3cret")));
        String yaml = """
                clusters:
                  - name: shop
                    nodes:
                      - name: db1
                        host: 10.0.0.11
                      - name: db2
                        host: 10.0.0.12
                """;
        Inventory inv = load(yaml, PasswordLookup.pgpass(pgpass));
        NodeEndpoint db1 = inv.clusters().get(0).nodes().get(0);
        assertThat(db1.password()).isEqualTo("s3cret");
        assertThat(db1.passwordSource()).isEqualTo(PasswordSource.PGPASS);
        assertThat(db1.toString()).doesNotContain("s3cret");
        assertThat(inv.clusters().get(0).nodes().get(1).passwordSource()).isEqualTo(PasswordSource.NONE);
        assertThat(inv.problems()).anySatisfy(p -> assertThat(p.message()).contains("node 'db2'")
                .contains("10.0.0.12:5432:postgres:vigil_monitor:<password>"));

        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        Inventory open = load(yaml, PasswordLookup.pgpass(pgpass));
        assertThat(open.clusters().get(0).nodes().get(0).passwordSource()).isEqualTo(PasswordSource.NONE);
        assertThat(open.problems()).anySatisfy(p -> assertThat(p.message()).contains("chmod 0600").contains("ignored"));
    }

    @Test
    void connectAndDownTimeoutsAreSetApartFromTheInterval() throws Exception {
        Inventory inv = load("""
                clusters:
                  - name: far
                    interval: 500ms
                    connect_timeout: 8s
                    down_after: 4s
                    nodes: [{name: a, host: h}]
                  - name: plain
                    nodes: [{name: b, host: h}]
                  - name: bad
                    connect_timeout: 5m
                    nodes: [{name: c, host: h}]
                """);
        assertThat(inv.clusters()).hasSize(2);
        MonitorConnectionSettings far = inv.clusters().get(0).monitorSettings();
        assertThat(far.interval()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(far.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(8));
        assertThat(far.downAfter()).isEqualTo(java.time.Duration.ofSeconds(4));
        assertThat(far.downAttempts()).isEqualTo(2);
        MonitorConnectionSettings plain = inv.clusters().get(1).monitorSettings();
        assertThat(plain.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(plain.downAfter()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(errors(inv)).singleElement().asString().contains(":10:").contains("connect_timeout '5m'");
    }

    @Test
    void intervalAndAlertThresholdsComeFromTheFileAndBadOnesSayWhere() throws Exception {
        Inventory inv = load("""
                alerts:
                  replication_lag_seconds: 10
                  blocked_wait_seconds: 0.25
                clusters:
                  - name: fast
                    interval: 500ms
                    nodes: [{name: a, host: h}]
                  - name: slow
                    interval: 2m
                    nodes: [{name: b, host: h}]
                """);
        assertThat(inv.clusters()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("fast");
            assertThat(c.interval()).isEqualTo(java.time.Duration.ofMillis(500));
            assertThat(c.monitorSettings().statementTimeout()).isEqualTo(java.time.Duration.ofMillis(400));
        });
        assertThat(errors(inv)).singleElement().asString().contains(":9:").contains("interval '2m'");
        assertThat(inv.alertOverrides()).containsEntry("replication_lag_seconds", 10.0)
                .containsEntry("blocked_wait_seconds", 0.25);
        assertThat(errors(load("alerts:\n  lag: 5\nclusters: []\n"))).singleElement().asString()
                .contains(":2:").contains("unknown key 'lag'").contains("replication_lag_seconds");
    }

    @Test
    void aClusterNameUsedTwiceKeepsTheFirst() throws Exception {
        Inventory inv = load("""
                clusters:
                  - name: a
                    nodes: [{name: n1, host: h1}]
                  - name: a
                    nodes: [{name: n2, host: h2}]
                """);
        assertThat(inv.clusters()).singleElement().satisfies(c -> assertThat(c.nodes().get(0).name()).isEqualTo("n1"));
        assertThat(errors(inv)).singleElement().asString().contains(":4:").contains("used twice");
    }

    @Test
    void aMigrationsFolderIsReadFromTheFilesFolderAndAnEmptyOneSaysWhere() throws Exception {
        Path elsewhere = dir.resolve("elsewhere").toAbsolutePath();
        Inventory inv = load("""
                clusters:
                  - name: shop
                    migrations: db/../db/migration
                    nodes: [{name: a, host: h}]
                  - name: billing
                    migrations: %s
                    nodes: [{name: b, host: h}]
                  - name: plain
                    nodes: [{name: c, host: h}]
                  - name: blank
                    migrations: ""
                    nodes: [{name: d, host: h}]
                """.formatted(elsewhere));
        assertThat(inv.clusters()).extracting(ClusterDefinition::name).containsExactly("shop", "billing", "plain");
        assertThat(inv.clusters().get(0).migrations()).contains(dir.toAbsolutePath().resolve("db/migration"));
        assertThat(inv.clusters().get(1).migrations()).contains(elsewhere);
        assertThat(inv.clusters().get(2).migrations()).isEmpty();
        assertThat(errors(inv)).singleElement().asString()
                .startsWith(dir.resolve("clusters.yaml") + ":11:").contains("'migrations' is empty");
    }
}
