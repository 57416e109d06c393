package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabNode;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real cascade, pg1 → pg2 → pg3: the switchover's prechecks and "after" picture, dry runs only (nothing is
 * confirmed, so the cluster is not changed).
 */
class CascadedSwitchoverTest extends OnFailoverLab {
    CascadedSwitchoverTest() {
        super("cascade");
    }

    @BeforeAll
    void cascade() {
        LabNode pg1 = lab.cluster.node("pg1");
        LabNode pg2 = lab.cluster.node("pg2");
        LabNode pg3 = lab.cluster.node("pg3");
        lab.cluster.awaitStreaming(pg1, List.of(pg2, pg3), WAIT);
        lab.cluster.repoint(pg3, pg2);
        lab.cluster.awaitStreaming(pg2, List.of(pg3), WAIT);
    }

    private static TopologyNode node(Topology t, String name) {
        return t.nodes().stream().filter(n -> n.node().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCascadedCandidateIsToldToRepointOrChooseADirectStandby() throws Exception {
        Proposal p = lab.prepare(switchover("pg3"));
        CheckResult streams = check(p, "streams from the primary");
        assertThat(streams.failed()).isTrue();
        assertThat(streams.evidence()).contains("pg3 is cascaded from pg2").contains("which streams from pg1")
                .contains("replication is healthy").contains("(pg2)");
        assertThat(streams.fix()).doesNotContain("Fix replication").contains("Re-point pg3 to pg1 first")
                .contains("ALTER SYSTEM SET primary_conninfo").contains("pg_reload_conf()")
                .contains("choose a standby that streams from pg1: pg2");
        assertThat(p.blocked()).isTrue();
        assertThat(p.topology().nodes()).extracting(n -> n.upstream().orElse(""))
                .containsExactly("", "pg1", "pg2");
    }

    @Test
    void switchingToTheIntermediateCountsItsCascadeAndKeepsItOnTheNewTimeline() throws Exception {
        Proposal p = lab.prepare(switchover("pg2"));
        CheckResult serve = check(p, "can serve the other standbys");
        assertThat(serve.evidence()).contains("for the 2 standbys pg2 will serve (pg3, pg1)");
        assertThat(check(p, "streams from the primary").failed()).isFalse();
        int timeline = node(p.topology(), "pg1").timeline().orElseThrow();
        Topology after = p.workflow().intended(p.topology(), p.plan()).orElseThrow();
        assertThat(node(after, "pg2").upstream()).isEmpty();
        assertThat(node(after, "pg2").timeline()).contains(timeline + 1);
        assertThat(node(after, "pg3").upstream()).contains("pg2");
        assertThat(node(after, "pg3").timeline()).as("the cascade follows pg2 onto its new timeline")
                .contains(timeline + 1);
        assertThat(node(after, "pg1").upstream()).contains("pg2");
        assertThat(node(after, "pg1").timeline()).contains(timeline + 1);
    }
}
