package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertThresholds;
import dev.vigil.alert.ClusterAlerts;
import dev.vigil.alert.DefaultRules;
import dev.vigil.cli.status.WatchCommand;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.journal.Journal;
import dev.vigil.lab.CpuSaturation;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.host.Waits;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.DefaultCollectors;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.NodeTicks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's incident, as a test: both CPUs saturated (busy processes and a heavy workload) for 60 s, with a
 * monitor, its alerts and repeated `vigil status` runs. No node may be called down, no cluster alert raised, and
 * every status complete. Then the primary is killed (-9), still under load, and "no primary" must follow at once.
 */
class NodeTruthUnderLoadTest {
    private static final Duration LOADED = Duration.ofSeconds(60);
    /** Alerts about what the cluster is (its nodes and roles): under load alone, each would be false. */
    private static final Set<String> TRUTHS = Set.of("node-down", "no-primary", "two-primaries",
            "standby-not-streaming", "standby-streams-from-nobody");

    private static CliRun vigil(String... args) {
        return CliRun.vigil(args);
    }

    private static Map<String, NodeSample[]> lastTwo(ClusterDefinition cluster, NodeTicks ticks) {
        Map<String, NodeSample[]> pairs = new HashMap<>();
        cluster.nodes().forEach(n -> ticks.latest(n.name()).ifPresent(latest ->
                pairs.put(n.name(), new NodeSample[] {ticks.previous(n.name()).orElse(null), latest})));
        return pairs;
    }

    @Test
    void underSaturatedCpusNothingIsFalseAndAKilledPrimaryIsNoPrimaryWithinTheBound() throws Exception {
        Path dir = Files.createTempDirectory("vigil-load");
        try (Lab lab = Lab.open()) {
            LabCluster cluster = lab.createCluster("loaded", 2);
            ClusterDefinition definition = LabInventory.of(cluster);
            String[] status = {"status", "--cluster", "lab:loaded", "--json", "--config",
                    lab.dir().resolve("none.yaml").toString()};
            List<ClusterSample> samples = new CopyOnWriteArrayList<>();
            List<AlertEvent> alerts = new CopyOnWriteArrayList<>();
            NodeTicks ticks = new NodeTicks();
            try (ClusterMonitor monitor = new ClusterMonitor(definition, definition.monitorSettings(),
                    DefaultCollectors.all());
                 Journal journal = Journal.open(dir.resolve("journal.jsonl"));
                 ClusterAlerts clusterAlerts = new ClusterAlerts(monitor,
                         DefaultRules.all(AlertThresholds.defaults()), journal)) {
                monitor.subscribeSamples(samples::add);
                monitor.subscribeSamples(ticks::update);
                clusterAlerts.subscribe(alerts::add);
                clusterAlerts.start();
                monitor.start();
                Waits.until(Duration.ofSeconds(30), "every node up before the load", () -> monitor.sample().nodes()
                        .stream().allMatch(n -> n.status().isUp()));

                try (CpuSaturation load = CpuSaturation.of(cluster)) {
                    int sampledBefore = samples.size();
                    int alertsBefore = alerts.size();
                    long lateSamples;
                    List<CliRun> runs = new ArrayList<>();
                    Instant end = Instant.now().plus(LOADED);
                    while (Instant.now().isBefore(end)) {
                        runs.add(vigil(status));
                    }
                    assertThat(load.busyProcesses()).as("busy processes ran throughout")
                            .isGreaterThanOrEqualTo(2);
                    assertThat(load.transactions()).as("the workload ran").isPositive();

                    List<NodeSample> loaded = samples.subList(sampledBefore, samples.size()).stream()
                            .flatMap(s -> s.nodes().stream()).toList();
                    assertThat(loaded).as("no node reported down under load").noneMatch(n -> n.status().isDown());
                    lateSamples = loaded.stream().filter(n -> n.status().isLate()).map(NodeSample::tick).distinct().count();
                    List<String> raised = alerts.subList(alertsBefore, alerts.size()).stream()
                            .filter(e -> e.kind() == AlertEvent.Kind.RAISED)
                            .map(e -> e.finding().rule() + ": " + e.finding().message()).toList();
                    assertThat(raised).as("no false cluster alert under load")
                            .noneMatch(r -> TRUTHS.contains(r.substring(0, r.indexOf(':'))));
                    assertThat(runs).as("status runs in %s", LOADED).hasSizeGreaterThanOrEqualTo(3);
                    for (CliRun run : runs) {
                        assertThat(run.exit()).as("status under load: %s", run.err()).isZero();
                        JsonNode report = Json.MAPPER.readTree(run.out());
                        assertThat(report.get("waitingFor")).as("complete: %s", run.err()).isEmpty();
                        JsonNode c = report.get("clusters").get(0);
                        assertThat(c.get("primary").asText()).isEqualTo("pg1");
                        for (JsonNode n : c.get("nodes")) {
                            assertThat(n.get("state").asText()).as(n.get("name").asText()).isEqualTo("up");
                        }
                    }
                    System.out.printf("under load: %d status runs, %d late node ticks, %d load transactions, "
                            + "other alerts %s%n", runs.size(), lateSamples, load.transactions(), raised);

                    // The primary dies, still under load.
                    Instant killed = Instant.now();
                    cluster.node("pg1").kill9();
                    Duration bound = definition.monitorSettings().interval().plusSeconds(2);
                    Waits.until(Duration.ofSeconds(20), "no-primary raised", () -> alerts.stream()
                            .anyMatch(e -> e.kind() == AlertEvent.Kind.RAISED && e.finding().rule().equals("no-primary")));
                    AlertEvent noPrimary = alerts.stream().filter(e -> e.kind() == AlertEvent.Kind.RAISED
                            && e.finding().rule().equals("no-primary")).findFirst().orElseThrow();
                    assertThat(Duration.between(killed, noPrimary.at())).as("kill to no-primary")
                            .isLessThanOrEqualTo(bound);
                    System.out.printf("kill -9 to no-primary: %d ms%n", Duration.between(killed, noPrimary.at()).toMillis());
                    NodeStatus pg1 = monitor.sample().node("pg1").orElseThrow().status();
                    assertThat(pg1.isDown()).as(pg1.error()).isTrue();
                    assertThat(pg1.role()).isEqualTo(NodeStatus.Role.UNKNOWN);

                    String line = WatchCommand.line(monitor, lastTwo(definition, ticks), false);
                    assertThat(line).contains("NO-PRIMARY").contains("pg1 DOWN").doesNotContain("pg1 P");

                    CliRun after = vigil(status);
                    assertThat(after.exit()).isEqualTo(1);
                    JsonNode c = Json.MAPPER.readTree(after.out()).get("clusters").get(0);
                    assertThat(c.get("primary").isNull() || c.get("primary").isMissingNode()).as(after.out()).isTrue();
                    JsonNode dead = c.get("nodes").get(0);
                    assertThat(dead.get("state").asText()).isEqualTo("down");
                    assertThat(dead.path("activity").isNull() || dead.path("activity").isMissingNode())
                            .as("a dead node's last values are not shown as live").isTrue();
                }
            }
        }
    }
}
