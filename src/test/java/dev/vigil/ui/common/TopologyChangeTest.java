package dev.vigil.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.ui.common.TopologyChange.Badge;
import dev.vigil.ui.workflow.WorkflowDialogViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The before/after rows of the workflow dialog for a role change. */
class TopologyChangeTest {
    private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");

    private static TopologyNode node(String name, NodeStatus.Role role, String upstream, int timeline) {
        return new TopologyNode(name, "127.0.0.1:1", role, Optional.ofNullable(upstream), Optional.of(timeline), "17.6", "");
    }

    @Test
    void aFailoverReadsAcrossEachNodeAndMarksWhatChanges() {
        Topology before = new Topology("demo", List.of(
                TopologyNode.unreachable("pg1", "127.0.0.1:1", "Connection to 127.0.0.1:1 refused. Check that the "
                        + "hostname and port are correct and that the postmaster is accepting TCP/IP connections."),
                node("pg2", NodeStatus.Role.STANDBY, "pg1", 1), node("pg3", NodeStatus.Role.STANDBY, "pg1", 1)),
                Optional.of("pg2"), T);
        Topology after = new Topology("demo", List.of(
                TopologyNode.unreachable("pg1", "127.0.0.1:1", "fenced, needs rejoin"),
                node("pg2", NodeStatus.Role.PRIMARY, null, 2), node("pg3", NodeStatus.Role.STANDBY, "pg2", 2)),
                Optional.of("pg2"), T);

        TopologyChange change = TopologyChange.of(before, Optional.of(after), Set.of()).orElseThrow();

        assertThat(change.focus()).contains("pg2");
        assertThat(change.rows()).extracting(TopologyChange.Row::node).containsExactly("pg1", "pg2", "pg3");
        TopologyChange.Row pg1 = change.rows().get(0);
        assertThat(pg1.before().badge()).isEqualTo(Badge.DOWN);
        assertThat(pg1.before().detail()).isEqualTo("unreachable: Connection to 127.0.0.1:1 refused");
        assertThat(pg1.after().badge()).isEqualTo(Badge.FENCED);
        assertThat(pg1.after().detail()).isEqualTo("fenced · needs rejoin");
        assertThat(change.rows().get(1).after().detail()).isEqualTo("accepts writes · TL 2");
        assertThat(change.rows().get(2).before().detail()).isEqualTo("← pg1 · TL 1");
        assertThat(change.rows().get(2).after().detail()).isEqualTo("← pg2 · TL 2");
        assertThat(change.rows()).allMatch(TopologyChange.Row::changes);
    }

    @Test
    void aRejoinShowsTheFencedNodeBeforeAndTheStandbyAfter() {
        Topology before = new Topology("demo", List.of(TopologyNode.unreachable("pg1", "127.0.0.1:1", "refused"),
                node("pg2", NodeStatus.Role.PRIMARY, null, 2)), Optional.of("pg1"), T);
        Topology after = new Topology("demo", List.of(node("pg1", NodeStatus.Role.STANDBY, "pg2", 2),
                node("pg2", NodeStatus.Role.PRIMARY, null, 2)), Optional.of("pg1"), T);

        TopologyChange change = TopologyChange.of(before, Optional.of(after), Set.of("pg1")).orElseThrow();

        assertThat(change.rows().get(0).before().badge()).isEqualTo(Badge.FENCED);
        assertThat(change.rows().get(0).after().badge()).isEqualTo(Badge.STANDBY);
        assertThat(change.rows().get(1).changes()).as("the primary stays as it is").isFalse();
        assertThat(TopologyChange.of(before, Optional.empty(), Set.of())).as("no role change, no picture").isEmpty();
    }

    @Test
    void theDataLossEstimateAndTheFencingCheckAreTheOnesToReadFirst() {
        assertThat(WorkflowDialogViewModel.isKey(CheckResult.warn("data-loss estimate", "up to 1 MB", "ack"))).isTrue();
        assertThat(WorkflowDialogViewModel.isKey(CheckResult.pass("pg1 is fenced", "confirmed down"))).isTrue();
        assertThat(WorkflowDialogViewModel.isKey(CheckResult.pass("pg2 is the standby to promote", "most advanced")))
                .isFalse();
    }
}
