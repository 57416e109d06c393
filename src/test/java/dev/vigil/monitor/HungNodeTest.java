package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A server that stops answering (all its processes stopped with SIGSTOP: connections stay open, nothing
 * replies, as with a hung host): first late, its last values kept with their age and no live role, then down
 * once it has not answered for 3 s over two attempts; up again when it answers.
 */
class HungNodeTest {

    private static void signal(LabNode node, String signal) throws Exception {
        ProcessHandle postmaster = node.postmaster().orElseThrow();
        List<String> argv = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(postmaster.pid())));
        postmaster.descendants().forEach(p -> argv.add(Long.toString(p.pid())));
        assertThat(new ProcessBuilder(argv).inheritIO().start().waitFor()).as(String.join(" ", argv)).isZero();
    }

    @Test
    void aNodeThatStopsAnsweringIsLateThenDownThenUpAgain() throws Exception {
        try (Lab lab = Lab.open()) {
            LabCluster cluster = lab.createCluster("hung", 0);
            MonitorConnectionSettings settings = MonitorConnectionSettings.defaults();
            List<NodeSample> samples = new CopyOnWriteArrayList<>();
            try (ClusterMonitor monitor = new ClusterMonitor(LabInventory.of(cluster), settings, List.of())) {
                monitor.subscribeSamples(s -> samples.addAll(s.nodes()));
                monitor.start();
                Waits.until(Duration.ofSeconds(20), "pg1 up", () -> monitor.sample().nodes().get(0).status().isUp());
                LabNode pg1 = cluster.node("pg1");
                int seen = samples.size();
                Instant stopped = Instant.now();
                signal(pg1, "STOP");
                try {
                    Waits.until(Duration.ofSeconds(10), "pg1 late", () -> first(samples, seen, NodeStatus::isLate).isPresent());
                    Duration toLate = Duration.between(stopped, Instant.now());
                    NodeStatus late = first(samples, seen, NodeStatus::isLate).orElseThrow().status();
                    assertThat(first(samples, seen, NodeStatus::isDown)).as("late comes before down").isEmpty();
                    assertThat(late.role()).as("a late node has no live role").isEqualTo(NodeStatus.Role.UNKNOWN);
                    assertThat(late.lastKnownRole()).isEqualTo(NodeStatus.Role.PRIMARY);
                    assertThat(late.lastGoodAt()).isPresent();
                    assertThat(late.error()).isNotBlank();

                    Duration bound = settings.interval().multipliedBy(2).plus(settings.connectTimeout())
                            .plus(settings.socketTimeout()).plusSeconds(2);
                    Waits.until(bound.plusSeconds(5), "pg1 down", () -> first(samples, seen, NodeStatus::isDown).isPresent());
                    Duration toDown = Duration.between(stopped, first(samples, seen, NodeStatus::isDown).orElseThrow().status().sampledAt());
                    System.out.printf("hung node: late after %d ms, down after %d ms (%s)%n", toLate.toMillis(),
                            toDown.toMillis(), first(samples, seen, NodeStatus::isDown).orElseThrow().status().error());
                    assertThat(toDown).as("stop to down").isGreaterThanOrEqualTo(settings.downAfter())
                            .isLessThanOrEqualTo(bound);
                } finally {
                    signal(pg1, "CONT");
                }
                Waits.until(Duration.ofSeconds(45), "pg1 up again", () -> monitor.sample().nodes().get(0).status().isUp());
            }
        }
    }

    private static Optional<NodeSample> first(List<NodeSample> samples, int from,
                                              java.util.function.Predicate<NodeStatus> state) {
        List<NodeSample> copy = List.copyOf(samples);
        return copy.subList(Math.min(from, copy.size()), copy.size()).stream().filter(s -> state.test(s.status()))
                .findFirst();
    }
}
