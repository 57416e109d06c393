package dev.vigil.ops.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.NodeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A workflow's "topology now" never says a standby streams from a node that is down. */
class TopologyDescribeTest {
    @Test
    void aStandbyOfADeadPrimaryStreamsFromNobody() {
        Topology t = new Topology("shop", List.of(
                TopologyNode.unreachable("pg1", "127.0.0.1:5001", "nothing listening: connection refused. Start it"),
                new TopologyNode("pg2", "127.0.0.1:5002", NodeStatus.Role.STANDBY, Optional.of("pg1"), Optional.of(1),
                        "17.6", ""),
                new TopologyNode("pg3", "127.0.0.1:5003", NodeStatus.Role.STANDBY, Optional.of("pg2"), Optional.of(1),
                        "17.6", "")), Optional.empty(), Instant.now());
        assertThat(t.describe()).contains("pg1 (127.0.0.1:5001) down")
                .contains("pg2 (127.0.0.1:5002) standby streaming from nobody (its upstream pg1 is down)")
                .contains("pg3 (127.0.0.1:5003) standby streaming from pg2")
                .doesNotContain("streaming from pg1");
    }
}
