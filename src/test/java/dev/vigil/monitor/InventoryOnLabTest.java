package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.PasswordLookup;
import dev.vigil.cluster.inventory.Inventory;
import dev.vigil.cluster.inventory.InventoryFile;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.libpq.Pgpass;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured inventory against a real server: the good cluster works, each bad one says what is wrong. */
class InventoryOnLabTest {
    @TempDir
    Path dir;

    @Test
    void wrongPasswordAndUnreachableHostAreReportedPerNodeWhileTheGoodClusterWorks() throws Exception {
        try (Lab lab = Lab.open()) {
            LabCluster cluster = lab.createCluster("inv", 0);
            LabNode node = cluster.primary();
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            Path pgpass = dir.resolve("pgpass");
            Pgpass.write(pgpass, List.of(
                    new Pgpass.Entry("127.0.0.1", "*", "postgres", "vigil_monitor", cluster.credentials().monitorPassword()),
                    new Pgpass.Entry("127.0.0.1", "*", "shop", "vigil_monitor", "not-the-password")));
            Path file = Files.writeString(dir.resolve("clusters.yaml"), """
                    defaults:
                      sslmode: disable
                    clusters:
                      - name: good
                        nodes:
                          - {name: pg1, host: 127.0.0.1, port: %d}
                      - name: wrongpw
                        database: shop
                        nodes:
                          - {name: pg1, host: 127.0.0.1, port: %d}
                      - name: nowhere
                        nodes:
                          - {name: ghost, host: 127.0.0.1, port: %d}
                    """.formatted(node.port(), node.port(), closedPort));
            Inventory inventory = InventoryFile.load(file, PasswordLookup.pgpass(pgpass));
            assertThat(inventory.clusters()).hasSize(3);
            assertThat(inventory.problems()).noneMatch(p -> p.severity() == InventoryProblem.Severity.ERROR);

            List<ClusterMonitor> watchers = new ArrayList<>();
            try {
                for (ClusterDefinition definition : inventory.clusters()) {
                    ClusterMonitor w = new ClusterMonitor(definition, MonitorConnectionSettings.defaults(), List.of());
                    w.start();
                    watchers.add(w);
                }
                Map<String, ClusterMonitor> byName = watchers.stream()
                        .collect(Collectors.toMap(w -> w.cluster().name(), Function.identity()));
                Waits.until(Duration.ofSeconds(20), "every node probed once", () -> watchers.stream()
                        .allMatch(w -> w.sample().status().nodes().get(0).reachability() != NodeStatus.Reachability.CONNECTING));

                NodeStatus good = byName.get("good").sample().status().nodes().get(0);
                assertThat(good.role()).isEqualTo(NodeStatus.Role.PRIMARY);
                NodeStatus wrong = byName.get("wrongpw").sample().status().nodes().get(0);
                assertThat(wrong.reachability()).isEqualTo(NodeStatus.Reachability.DOWN);
                assertThat(wrong.error()).contains("password authentication failed for user \"vigil_monitor\"");
                NodeStatus ghost = byName.get("nowhere").sample().status().nodes().get(0);
                assertThat(ghost.node()).isEqualTo("ghost");
                assertThat(ghost.error()).contains("nothing listening").contains("refused");

                var before = byName.get("good").sample().status().nodes().get(0).sampledAt();
                Waits.until(Duration.ofSeconds(10), "the good cluster to keep sampling",
                        () -> byName.get("good").sample().status().nodes().get(0).sampledAt().isAfter(before));
            } finally {
                watchers.forEach(ClusterMonitor::close);
            }
        }
    }

    @Test
    void runningLabsAreInventoryToo() {
        try (Lab lab = Lab.open()) {
            lab.createCluster("seen", 1);
            Inventory inventory = LabInventory.running(lab.dir().getParent());
            ClusterDefinition seen = inventory.clusters().stream()
                    .filter(c -> c.name().equals(LabInventory.PREFIX + "seen")).findFirst().orElseThrow();
            assertThat(seen.nodes()).extracting(NodeEndpoint::name).containsExactly("pg1", "pg2");
            assertThat(seen.nodes()).allSatisfy(n -> assertThat(n.password()).isNotEmpty());
        }
    }
}
