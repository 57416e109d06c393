package dev.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.Metric;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertEngineTest {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    private final List<Finding> findings = new ArrayList<>();
    private final AlertRule scripted = new AlertRule() {
        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public List<Finding> evaluate(Observation o) {
            return List.copyOf(findings);
        }
    };

    private static Observation empty() {
        return new Observation(Map.of(), new ClusterSample("c", List.of(), T));
    }

    private static Finding finding(String node, String evidence) {
        return new Finding("scripted", Severity.WARNING, node, "", "x on " + node, Map.of("v", evidence));
    }

    @Test
    void fileOverridesReplaceOnlyTheThresholdsTheyName() {
        AlertThresholds t = AlertThresholds.defaults().with(Map.of("replication_lag_seconds", 10.0,
                "blocked_wait_seconds", 0.25));
        assertThat(t.replicationLagSeconds()).isEqualTo(10.0);
        assertThat(t.blockedWait()).isEqualTo(Duration.ofMillis(250));
        assertThat(t.replicationLagBytes()).isEqualTo(AlertThresholds.defaults().replicationLagBytes());
    }

    @Test
    void raisedOnceWhileItLastsAndClearedWhenItIsGone() {
        AlertEngine engine = new AlertEngine("c", List.of(scripted));
        assertThat(engine.evaluate(empty(), T)).isEmpty();
        findings.add(finding("pg2", "1"));
        assertThat(engine.evaluate(empty(), T)).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(AlertEvent.Kind.RAISED));
        findings.set(0, finding("pg2", "2"));
        assertThat(engine.evaluate(empty(), T)).as("evidence changed, same alert").isEmpty();
        assertThat(engine.active()).singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("v", "2"));
        findings.add(finding("pg3", "1"));
        assertThat(engine.evaluate(empty(), T)).extracting(e -> e.finding().node()).containsExactly("pg3");
        findings.clear();
        assertThat(engine.evaluate(empty(), T)).extracting(AlertEvent::kind)
                .containsExactly(AlertEvent.Kind.CLEARED, AlertEvent.Kind.CLEARED);
        assertThat(engine.active()).isEmpty();
    }

    private static NodeSample node(String name, boolean up, boolean inRecovery, Map<String, Metric<?>> metrics) {
        NodeEndpoint e = new NodeEndpoint(name, "127.0.0.1", 5432, "d", "u", "p");
        NodeStatus s = up ? new NodeStatus(name, e.address(), NodeStatus.Reachability.UP, "", "17.6", 170006, inRecovery,
                Optional.empty(), Optional.of("streaming"), Optional.of(1), Optional.of(0L), Optional.empty(),
                Optional.empty(), T, Duration.ZERO) : NodeStatus.down(e, "Connection refused", T, Duration.ZERO);
        return new NodeSample("c", name, 5, T, s, metrics);
    }

    private static List<String> rulesFiring(NodeSample... nodes) {
        Observation o = new Observation(Map.of(), new ClusterSample("c", List.of(nodes), T));
        return DefaultRules.all(AlertThresholds.defaults()).stream().flatMap(r -> r.evaluate(o).stream())
                .map(Finding::rule).toList();
    }

    @Test
    void defaultRulesSeeADownNodeASplitBrainAndALockPileUp() {
        assertThat(rulesFiring(node("pg1", true, false, Map.of()), node("pg2", false, true, Map.of())))
                .containsExactly("node-down");
        assertThat(rulesFiring(node("pg1", true, false, Map.of()), node("pg2", true, false, Map.of())))
                .containsExactly("two-primaries");

        LockSession holder = new LockSession(10, List.of(), "u", "d", "a", "idle in transaction", "Client", "ClientRead",
                Optional.of(T.minusSeconds(30)), Optional.of(T.minusSeconds(30)), "UPDATE", Optional.empty());
        LockSession waiter = new LockSession(11, List.of(10), "u", "d", "a", "active", "Lock", "transactionid",
                Optional.of(T.minusSeconds(3)), Optional.of(T.minusSeconds(3)), "UPDATE",
                Optional.of(new WaitingLock("transactionid", "ShareLock", Optional.of("t"), Optional.of(T.minusSeconds(3)))));
        Map<String, Metric<?>> locks = Map.of("locks", new Metric.Available<>(new LockSnapshot(T, List.of(holder, waiter)), T));
        assertThat(rulesFiring(node("pg1", true, false, locks))).containsExactly("blocked-sessions");

        LockSession brief = new LockSession(11, List.of(10), "u", "d", "a", "active", "Lock", "transactionid",
                Optional.of(T), Optional.of(T), "UPDATE",
                Optional.of(new WaitingLock("transactionid", "ShareLock", Optional.of("t"), Optional.of(T.minusMillis(200)))));
        Map<String, Metric<?>> briefLocks = Map.of("locks", new Metric.Available<>(new LockSnapshot(T, List.of(holder, brief)), T));
        assertThat(rulesFiring(node("pg1", true, false, briefLocks))).as("a 0.2 s wait is business as usual").isEmpty();
    }
}
