package dev.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No primary, two primaries, a standby that streams from nobody: and none of them on a node that is only late. */
class ClusterTruthRulesTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static NodeEndpoint endpoint(String name, int port) {
        return new NodeEndpoint(name, "127.0.0.1", port, "d", "u", "p");
    }

    private static NodeStatus up(String name, int port, boolean inRecovery, Optional<String> upstream) {
        return new NodeStatus(name, endpoint(name, port).address(), NodeStatus.Reachability.UP, "", "17.6", 170006,
                inRecovery, upstream, inRecovery ? Optional.of("streaming") : Optional.empty(), Optional.of(1),
                Optional.of(0L), Optional.empty(), Optional.empty(), T, Duration.ZERO);
    }

    private static final NodeStatus PG1 = up("pg1", 5001, false, Optional.empty());
    private static final NodeStatus PG2 = up("pg2", 5002, true, Optional.of("127.0.0.1:5001"));
    private static final NodeStatus PG3 = up("pg3", 5003, true, Optional.of("127.0.0.1:5001"));
    private static final NodeStatus PG1_DOWN = NodeStatus.down(endpoint("pg1", 5001), "nothing listening: x. y", T,
            Duration.ZERO, Optional.of(T.minusSeconds(1)));

    private static List<Finding> findings(NodeStatus... nodes) {
        List<NodeSample> samples = java.util.Arrays.stream(nodes)
                .map(n -> new NodeSample("c", n.node(), 5, T, n, Map.of())).toList();
        Observation o = new Observation(Map.of(), new ClusterSample("c", samples, T));
        return DefaultRules.all(AlertThresholds.defaults()).stream().flatMap(r -> r.evaluate(o).stream()).toList();
    }

    private static List<String> rules(NodeStatus... nodes) {
        return findings(nodes).stream().map(Finding::rule).toList();
    }

    @Test
    void aHealthyClusterRaisesNothing() {
        assertThat(rules(PG1, PG2, PG3)).isEmpty();
    }

    @Test
    void aDeadPrimaryIsNoPrimaryAndItsStandbysStreamFromNobody() {
        List<Finding> found = findings(PG1_DOWN, PG2, PG3);
        assertThat(found).extracting(Finding::rule).containsExactlyInAnyOrder("node-down", "no-primary",
                "standby-streams-from-nobody", "standby-streams-from-nobody");
        Finding noPrimary = found.stream().filter(f -> f.rule().equals("no-primary")).findFirst().orElseThrow();
        assertThat(noPrimary.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(noPrimary.message()).contains("no reachable node accepts writes").contains("pg1")
                .contains("[pg2, pg3]");
        assertThat(found).filteredOn(f -> f.rule().equals("standby-streams-from-nobody")).extracting(Finding::message)
                .allSatisfy(m -> assertThat(m).contains("its upstream pg1 is down").contains("still says streaming"));
    }

    @Test
    void aLatePrimaryIsNotALostOne() {
        // Under load the primary's sample is overdue: nothing is known to be wrong yet.
        assertThat(rules(PG1.late("no answer for 2.9 s"), PG2, PG3)).isEmpty();
    }

    @Test
    void noPrimaryWaitsForEveryNodeToBeSeenOnce() {
        NodeStatus connecting = NodeStatus.connecting(endpoint("pg1", 5001));
        assertThat(rules(connecting, PG2, PG3)).doesNotContain("no-primary");
    }

    @Test
    void aPrimaryBackClearsNoPrimary() {
        AlertEngine engine = new AlertEngine("c", DefaultRules.all(AlertThresholds.defaults()));
        List<NodeSample> dead = java.util.stream.Stream.of(PG1_DOWN, PG2, PG3)
                .map(n -> new NodeSample("c", n.node(), 5, T, n, Map.of())).toList();
        assertThat(engine.evaluate(new Observation(Map.of(), new ClusterSample("c", dead, T)), T))
                .filteredOn(e -> e.finding().rule().equals("no-primary")).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(AlertEvent.Kind.RAISED));
        // pg3 is late at that moment: the primary being back is known all the same.
        List<NodeSample> promoted = java.util.stream.Stream.of(PG1_DOWN, up("pg2", 5002, false, Optional.empty()),
                up("pg3", 5003, true, Optional.of("127.0.0.1:5002")).late("no answer for 3 s"))
                .map(n -> new NodeSample("c", n.node(), 6, T, n, Map.of())).toList();
        assertThat(engine.evaluate(new Observation(Map.of(), new ClusterSample("c", promoted, T)), T.plusSeconds(1)))
                .filteredOn(e -> e.finding().rule().equals("no-primary")).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(AlertEvent.Kind.CLEARED));
    }

    @Test
    void aLateNodesAlertsAreNeitherClearedNorRaisedAgain() {
        List<Finding> scripted = new java.util.ArrayList<>();
        AlertRule rule = new AlertRule() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public List<Finding> evaluate(Observation o) {
                return List.copyOf(scripted);
            }
        };
        AlertEngine engine = new AlertEngine("c", List.of(rule));
        java.util.function.Function<NodeStatus, Observation> with = pg1 -> new Observation(Map.of(),
                new ClusterSample("c", List.of(new NodeSample("c", "pg1", 5, T, pg1, Map.of())), T));
        scripted.add(new Finding("scripted", Severity.WARNING, "pg1", "", "long transaction on pg1", Map.of()));
        assertThat(engine.evaluate(with.apply(PG1), T)).hasSize(1);
        scripted.clear(); // a late node's values are not offered, so the rule sees nothing
        assertThat(engine.evaluate(with.apply(PG1.late("no answer for 3 s")), T.plusSeconds(3)))
                .as("late: unknown, not cleared").isEmpty();
        assertThat(engine.active()).hasSize(1);
        assertThat(engine.evaluate(with.apply(PG1), T.plusSeconds(4))).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(AlertEvent.Kind.CLEARED));
    }

    @Test
    void twoPrimariesStays() {
        assertThat(rules(PG1, up("pg2", 5002, false, Optional.empty()))).containsExactly("two-primaries");
    }
}
