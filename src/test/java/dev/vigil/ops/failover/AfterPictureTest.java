package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AfterPictureTest {
    private static TopologyNode primary(String n) {
        return new TopologyNode(n, n + ":1", NodeStatus.Role.PRIMARY, Optional.empty(), Optional.of(3), "17", "");
    }

    private static TopologyNode standby(String n, String up) {
        return new TopologyNode(n, n + ":1", NodeStatus.Role.STANDBY, Optional.of(up), Optional.of(3), "17", "");
    }

    private static TopologyNode node(Topology t, String n) {
        return t.nodes().stream().filter(x -> x.node().equals(n)).findFirst().orElseThrow();
    }

    private static final TopologyNode REJOINED = new TopologyNode("pg1", "pg1:1", NodeStatus.Role.STANDBY,
            Optional.of("pg2"), Optional.of(4), "17", "");

    @Test
    void aCascadeBelowTheCandidateStaysOnItAndMovesToTheNewTimeline() {
        Topology before = new Topology("c", List.of(primary("pg1"), standby("pg2", "pg1"), standby("pg3", "pg2")),
                Optional.empty(), Instant.EPOCH);
        Topology after = AfterPicture.of(before, "pg2", "pg1", List.of(), REJOINED);
        assertThat(node(after, "pg2").role()).isEqualTo(NodeStatus.Role.PRIMARY);
        assertThat(node(after, "pg2").timeline()).contains(4);
        assertThat(node(after, "pg3").upstream()).contains("pg2");
        assertThat(node(after, "pg3").timeline()).contains(4);
        assertThat(node(after, "pg1").upstream()).contains("pg2");
    }

    @Test
    void aCascadeBelowASiblingKeepsItsUpstreamAndMovesToTheNewTimeline() {
        Topology before = new Topology("c", List.of(primary("pg1"), standby("pg2", "pg1"), standby("pg3", "pg1"),
                standby("pg4", "pg3")), Optional.empty(), Instant.EPOCH);
        Topology after = AfterPicture.of(before, "pg2", "pg1", List.of("pg3"), REJOINED);
        assertThat(node(after, "pg3").upstream()).contains("pg2");
        assertThat(node(after, "pg3").timeline()).contains(4);
        assertThat(node(after, "pg4").upstream()).contains("pg3");
        assertThat(node(after, "pg4").timeline()).contains(4);
    }

    @Test
    void aStandbyStreamingFromNobodyIsLeftAsItIs() {
        TopologyNode lost = new TopologyNode("pg3", "pg3:1", NodeStatus.Role.STANDBY, Optional.empty(), Optional.of(3),
                "17", "");
        TopologyNode elsewhere = standby("pg4", "10.9.9.9:5432");
        Topology before = new Topology("c", List.of(primary("pg1"), standby("pg2", "pg1"), lost, elsewhere),
                Optional.empty(), Instant.EPOCH);
        Topology after = AfterPicture.of(before, "pg2", "pg1", List.of(), REJOINED);
        assertThat(node(after, "pg3")).isEqualTo(lost);
        assertThat(node(after, "pg4")).isEqualTo(elsewhere);
    }
}
