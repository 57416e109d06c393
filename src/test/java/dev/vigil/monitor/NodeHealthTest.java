package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ConnectionFailure.Kind;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Late or down, on a fake clock: a slow answer is late; down needs a refusal, or silence and two attempts. */
class NodeHealthTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private static final NodeEndpoint PG1 = new NodeEndpoint("pg1", "127.0.0.1", 5001, "d", "u", "p");

    private static NodeHealth health() {
        MonitorConnectionSettings s = MonitorConnectionSettings.defaults();
        assertThat(s.downAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.downAttempts()).isEqualTo(2);
        return new NodeHealth(s.downAfter(), s.downAttempts());
    }

    @Test
    void aRefusalAFailedLoginOrAShutdownIsDownAtOnce() {
        for (Kind kind : new Kind[] {Kind.REFUSED, Kind.AUTHENTICATION, Kind.SHUTTING_DOWN}) {
            NodeHealth h = health();
            h.answered(T);
            assertThat(h.failed(kind, 1, T.plusMillis(1_100))).as(kind.name()).isEqualTo(NodeHealth.Verdict.DOWN);
        }
    }

    @Test
    void noAnswerIsLateUntilThreeSecondsAndTwoAttempts() {
        NodeHealth h = health();
        h.answered(T);
        assertThat(h.failed(Kind.TIMEOUT, 1, T.plusSeconds(2))).isEqualTo(NodeHealth.Verdict.LATE);
        // One attempt that took long is still not two attempts.
        NodeHealth slow = health();
        slow.answered(T);
        assertThat(slow.failed(Kind.TIMEOUT, 1, T.plusSeconds(6))).isEqualTo(NodeHealth.Verdict.LATE);
        // Two attempts, but within 3 s of the last answer: still late.
        assertThat(h.failed(Kind.OTHER, 1, T.plusMillis(2_900))).isEqualTo(NodeHealth.Verdict.LATE);
        assertThat(h.failed(Kind.TIMEOUT, 1, T.plusMillis(3_100))).isEqualTo(NodeHealth.Verdict.DOWN);
        assertThat(h.lastGoodAt()).contains(T);
    }

    @Test
    void anAnswerStartsTheCountAgain() {
        NodeHealth h = health();
        h.answered(T);
        h.failed(Kind.TIMEOUT, 1, T.plusSeconds(2));
        h.answered(T.plusSeconds(3));
        assertThat(h.failed(Kind.TIMEOUT, 1, T.plusMillis(4_000))).isEqualTo(NodeHealth.Verdict.LATE);
        assertThat(h.failed(Kind.TIMEOUT, 1, T.plusMillis(5_500))).as("2.5 s of silence").isEqualTo(NodeHealth.Verdict.LATE);
        assertThat(h.failed(Kind.TIMEOUT, 1, T.plusMillis(6_100))).isEqualTo(NodeHealth.Verdict.DOWN);
    }

    @Test
    void aLateStatusKeepsItsLastValuesButIsNeitherUpNorARole() {
        NodeStatus up = new NodeStatus("pg1", PG1.address(), NodeStatus.Reachability.UP, "", "17.6", 170006, false,
                Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(), Optional.empty(), Optional.empty(),
                T, Duration.ZERO);
        NodeStatus late = up.late("no answer for 2.8 s");
        assertThat(late.isUp()).isFalse();
        assertThat(late.isDown()).isFalse();
        assertThat(late.role()).as("never shown as live").isEqualTo(NodeStatus.Role.UNKNOWN);
        assertThat(late.lastKnownRole()).isEqualTo(NodeStatus.Role.PRIMARY);
        assertThat(late.lastGoodAge(T.plusMillis(2_800))).contains(Duration.ofMillis(2_800));
        assertThat(late.error()).isEqualTo("no answer for 2.8 s");
        assertThat(NodeStatus.down(PG1, "nothing listening: x", T.plusSeconds(4), Duration.ZERO, late.lastGoodAt())
                .lastGoodAge(T.plusSeconds(5))).contains(Duration.ofSeconds(5));
    }

    @Test
    void aSampleTurnedLateWithinItsTickIsNewsToNodeTicks() {
        NodeStatus up = new NodeStatus("pg1", PG1.address(), NodeStatus.Reachability.UP, "", "17.6", 170006, false,
                Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(), Optional.empty(), Optional.empty(),
                T, Duration.ZERO);
        NodeTicks ticks = new NodeTicks();
        NodeSample first = new NodeSample("c", "pg1", 7, T, up, Map.of());
        assertThat(ticks.update(new ClusterSample("c", java.util.List.of(first), T))).hasSize(1);
        assertThat(ticks.update(new ClusterSample("c", java.util.List.of(first), T))).isEmpty();
        NodeSample late = new NodeSample("c", "pg1", 7, T, up.late("overdue"), Map.of());
        assertThat(ticks.update(new ClusterSample("c", java.util.List.of(late), T))).hasSize(1);
        assertThat(ticks.latest("pg1").orElseThrow().status().isLate()).isTrue();
    }

    @Test
    void aNodeIsLateAfterAboutTwoMissedTicksAndReadsGiveUpBeforeLong() {
        MonitorConnectionSettings s = MonitorConnectionSettings.defaults();
        assertThat(s.lateAfter()).isEqualTo(Duration.ofMillis(2_800));
        assertThat(s.socketTimeout()).isEqualTo(Duration.ofSeconds(2));
        var p = s.connectionProperties(PG1);
        assertThat(p.getProperty("loginTimeout")).isEqualTo("5");
        assertThat(p.getProperty("connectTimeout")).isEqualTo("5");
        assertThat(p.getProperty("ApplicationName")).isEqualTo("vigil-monitor");
        assertThat(p.getProperty("options")).isEqualTo("-c statement_timeout=800 -c lock_timeout=400");
    }
}
