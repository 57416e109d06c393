package dev.vigil.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Overview headline: a late primary is late, not lost, a late node is not counted down, and a standby of a
 * dead primary is not counted as streaming.
 */
class NodeCardsHeadlineTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static NodeStatus up(String name, int port, boolean inRecovery) {
        return new NodeStatus(name, "127.0.0.1:" + port, NodeStatus.Reachability.UP, "", "17.6", 170006, inRecovery,
                inRecovery ? Optional.of("127.0.0.1:5001") : Optional.empty(),
                inRecovery ? Optional.of("streaming") : Optional.empty(), Optional.of(1), Optional.of(0L),
                Optional.empty(), Optional.empty(), T, Duration.ZERO);
    }

    @Test
    void aLatePrimaryIsLateAndADeadOneIsDown() {
        NodeStatus pg1 = up("pg1", 5001, false);
        NodeStatus pg2 = up("pg2", 5002, true);
        assertThat(NodeCardsView.headlineFor(new ClusterStatus("shop", List.of(pg1.late("no answer for 3.0 s"), pg2), T)))
                .isEqualTo("Cluster shop · primary pg1 late · 1 standby streaming · 1 late");
        NodeStatus dead = NodeStatus.down(new NodeEndpoint("pg1", "127.0.0.1", 5001, "d", "u", "p"),
                "nothing listening: x", T, Duration.ZERO, Optional.of(T));
        assertThat(NodeCardsView.headlineFor(new ClusterStatus("shop", List.of(dead, pg2), T)))
                .isEqualTo("Cluster shop · no primary reachable · 0 standbys streaming · 1 down");
    }
}
