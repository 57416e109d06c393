package dev.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.health.CheckpointReading;
import dev.vigil.monitor.health.WraparoundSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Wraparound and requested checkpoints as alerts: once per database (from the primary), at the cluster's shares. */
class HealthRulesTest {
    private static final Instant T = Instant.parse("2026-12-08T10:00:00Z");

    private static NodeStatus up(String name, boolean standby) {
        return new NodeStatus(name, new NodeEndpoint(name, "127.0.0.1", 5000, "d", "u", "p").address(),
                NodeStatus.Reachability.UP, "", "17.6", 170006, standby, Optional.empty(),
                standby ? Optional.of("streaming") : Optional.empty(), Optional.of(1), Optional.of(0L),
                Optional.empty(), Optional.empty(), T, Duration.ZERO);
    }

    private static NodeSample node(String name, boolean standby, Object... values) {
        Map<String, Metric<?>> metrics = new java.util.HashMap<>();
        for (Object v : values) {
            metrics.put(v.getClass().getSimpleName(), new Metric.Available<>(v, T));
        }
        return new NodeSample("c", name, 9, T, up(name, standby), metrics);
    }

    private static List<Finding> findings(AlertThresholds t, NodeSample... nodes) {
        Observation o = new Observation(Map.of(), new ClusterSample("c", List.of(nodes), T));
        return DefaultRules.all(t).stream().flatMap(r -> r.evaluate(o).stream()).toList();
    }

    @Test
    void aDatabaseTowardsWraparoundRaisesOneAlertFromThePrimaryAtTheClustersShares() {
        WraparoundSnapshot old = new WraparoundSnapshot(List.of(new WraparoundSnapshot.Database("shop",
                700_000_000L, 5, 200_000_000L, 400_000_000L)));
        List<Finding> found = findings(AlertThresholds.defaults(), node("pg2", true, old), node("pg1", false, old));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("wraparound");
            assertThat(f.node()).isEqualTo("pg1");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("transaction-id age 700000000", "32.6 %");
            assertThat(f.evidence().get("fix")).contains("VACUUM (FREEZE");
        });
        AlertThresholds strict = AlertThresholds.defaults().with(Map.of("wraparound_warning", 0.1,
                "wraparound_critical", 0.3));
        assertThat(findings(strict, node("pg1", false, old))).extracting(Finding::severity)
                .containsExactly(Severity.CRITICAL);
    }

    @Test
    void requestedCheckpointsOutnumberingTimedOnesRaiseAWarning() {
        CheckpointReading.Counters start = new CheckpointReading.Counters(T.minusSeconds(600), 1, 1, 0, 0, 0, 0, 0,
                Optional.empty(), 1024, 300);
        CheckpointReading.Counters now = new CheckpointReading.Counters(T, 2, 9, 0, 0, 0, 0, 0, Optional.empty(),
                1024, 300);
        List<Finding> found = findings(AlertThresholds.defaults(), node("pg1", false,
                new CheckpointReading(now, Optional.of(start))));
        assertThat(found).extracting(Finding::rule).containsExactly("checkpoints-requested");
        assertThat(found.get(0).message()).contains("8 of 9 checkpoints in the last 10 min were requested");
    }
}
