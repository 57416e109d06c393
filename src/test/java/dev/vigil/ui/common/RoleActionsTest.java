package dev.vigil.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.sql.Lsn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which switchover, failover and rejoin the console offers, and what a disabled one says. */
class RoleActionsTest {
    private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");
    private static final NodeEndpoint PG1 = new NodeEndpoint("pg1", "127.0.0.1", 5001, "shop", "m", "p");
    private static final NodeEndpoint PG2 = new NodeEndpoint("pg2", "127.0.0.1", 5002, "shop", "m", "p");
    private static final NodeEndpoint PG3 = new NodeEndpoint("pg3", "127.0.0.1", 5003, "shop", "m", "p");

    static NodeStatus primary(NodeEndpoint n, long lsn, Instant at) {
        return new NodeStatus(n.name(), n.address(), NodeStatus.Reachability.UP, "", "17.6", 170006, false,
                Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(), Optional.of(new Lsn(lsn)),
                Optional.of(T), at, Duration.ofMillis(1));
    }

    static NodeStatus standby(NodeEndpoint n, NodeEndpoint upstream) {
        return new NodeStatus(n.name(), n.address(), NodeStatus.Reachability.UP, "", "17.6", 170006, true,
                Optional.ofNullable(upstream).map(NodeEndpoint::address), Optional.of("streaming"), Optional.of(1),
                Optional.of(0L), Optional.empty(), Optional.of(T), T, Duration.ofMillis(1));
    }

    static NodeStatus down(NodeEndpoint n) {
        return NodeStatus.down(n, "Connection to 127.0.0.1:" + n.port() + " refused. Check that the hostname and port "
                + "are correct", T, Duration.ZERO);
    }

    private static RoleActions actions(Set<String> fenced, NodeStatus... nodes) {
        return new RoleActions(new ClusterStatus("demo", List.of(nodes), T), fenced);
    }

    @Test
    void aHealthyClusterOffersASwitchoverToEachStandbyAndNeitherFailoverNorRejoin() {
        RoleActions a = actions(Set.of(), primary(PG1, 100, T), standby(PG2, PG1), standby(PG3, PG1));

        assertThat(a.switchover("pg2").enabled()).isTrue();
        assertThat(a.switchover("pg2").label()).isEqualTo("Switch over to pg2…");
        assertThat(a.switchover("pg1").whyNot()).isEqualTo("pg1 is already the primary");
        assertThat(a.failover(Optional.of("pg2")).enabled()).isFalse();
        assertThat(a.failover(Optional.of("pg2")).whyNot()).startsWith("pg1 is the primary and answers: switch over");
        assertThat(a.rejoin("pg3").whyNot()).isEqualTo("pg3 already streams from pg1");
        assertThat(a.rejoin("pg1").whyNot()).isEqualTo("pg1 runs as a primary");
        assertThat(a.offers()).extracting(RoleAction::id).containsExactly("action-switchover-pg2", "action-switchover-pg3");
        assertThat(a.offers()).allMatch(RoleAction::enabled);
        assertThat(a.forNode("pg2")).extracting(RoleAction::kind)
                .containsExactly(RoleAction.Kind.SWITCHOVER, RoleAction.Kind.FAILOVER, RoleAction.Kind.REJOIN);
    }

    @Test
    void withThePrimaryDownTheFailoverIsProminentAndTheOldPrimaryWaitsForIt() {
        RoleActions a = actions(Set.of(), down(PG1), standby(PG2, null), standby(PG3, null));

        assertThat(a.offers()).as("the standbys lost their upstream with the primary; the failover re-points them")
                .extracting(RoleAction::id).containsExactly("action-failover", "action-rejoin-pg1");
        assertThat(a.offers().get(0).enabled()).isTrue();
        assertThat(a.offers().get(0).label()).isEqualTo("Fail over…");
        assertThat(a.rejoin("pg1").whyNot()).isEqualTo("No primary to follow: fail over first");
        assertThat(a.failover(Optional.of("pg3")).enabled()).isTrue();
        assertThat(a.failover(Optional.of("pg3")).label()).isEqualTo("Fail over to pg3…");
        assertThat(a.failover(Optional.of("pg1")).whyNot()).isEqualTo("pg1 is not a reachable standby");
        assertThat(a.switchover("pg2").whyNot()).isEqualTo("No primary answers: fail over instead");
        assertThat(a.switchover("pg1").whyNot()).isEqualTo("pg1 is unreachable");
    }

    @Test
    void afterAFailoverTheFencedOldPrimaryIsOfferedARejoinAndNothingElse() {
        RoleActions a = actions(Set.of("pg1"), down(PG1), primary(PG2, 200, T), standby(PG3, PG2));

        assertThat(a.rejoin("pg1").enabled()).isTrue();
        assertThat(a.rejoin("pg1").label()).isEqualTo("Rejoin pg1 as a standby…");
        assertThat(a.rejoin("pg1").buttonLabel()).isEqualTo("Rejoin pg1…");
        assertThat(a.switchover("pg1").whyNot()).isEqualTo("pg1 is unreachable");
        assertThat(a.offers()).extracting(RoleAction::id).containsExactly("action-switchover-pg3", "action-rejoin-pg1");
    }

    @Test
    void aFencedStandbyThatRunsIsRejoinedNotPromoted() {
        RoleActions a = actions(Set.of("pg1"), standby(PG1, PG2), primary(PG2, 200, T), standby(PG3, PG2));

        assertThat(a.switchover("pg1").whyNot()).isEqualTo("pg1 is fenced · needs rejoin: rejoin it first");
        assertThat(a.rejoin("pg1").enabled()).as("the rejoin clears the mark").isTrue();
    }

    @Test
    void aStandbyFollowingTheWrongUpstreamOrNoneIsOfferedARejoin() {
        RoleActions a = actions(Set.of(), primary(PG2, 200, T), standby(PG1, PG3), standby(PG3, null));

        assertThat(a.rejoin("pg1").enabled()).as("follows pg3, not the primary").isTrue();
        assertThat(a.rejoin("pg3").enabled()).as("streams from nobody").isTrue();
        assertThat(a.switchover("pg3").whyNot()).isEqualTo("pg3 is not streaming: rejoin it first");
        assertThat(a.switchover("pg1").enabled()).as("a cascade may take over; the prechecks decide").isTrue();
    }

    @Test
    void splitBrainAndConnectingRuleEverythingOut() {
        RoleActions split = actions(Set.of(), primary(PG1, 1, T), primary(PG2, 1, T), standby(PG3, PG1));
        assertThat(split.forNode("pg3")).noneMatch(RoleAction::enabled)
                .allMatch(r -> r.whyNot().startsWith("Two primaries (split-brain)"));
        assertThat(split.offers()).isEmpty();

        RoleActions starting = actions(Set.of(), NodeStatus.connecting(PG1), standby(PG2, null), standby(PG3, null));
        assertThat(starting.failover(Optional.empty()).whyNot()).isEqualTo("Still connecting to the nodes");
        assertThat(starting.rejoin("pg1").whyNot()).isEqualTo("Still connecting to pg1");
        assertThat(starting.switchover("pg4").whyNot()).isEqualTo("pg4 is not a node of demo");
    }

    @Test
    void theLastWalPositionSeenIsTheNewestPrimarysAndForgetsADemotedOne() {
        LastWrites seen = new LastWrites();
        seen.observe(new ClusterStatus("demo", List.of(primary(PG1, 0x100, T), standby(PG2, PG1)), T));
        seen.observe(new ClusterStatus("demo", List.of(primary(PG1, 0x180, T.plusSeconds(1)), standby(PG2, PG1)), T));
        assertThat(seen.latest()).hasValueSatisfying(l -> {
            assertThat(l.node()).isEqualTo("pg1");
            assertThat(l.lsn()).isEqualTo(new Lsn(0x180));
            assertThat(l.at()).isEqualTo(T.plusSeconds(1));
        });
        seen.observe(new ClusterStatus("demo", List.of(down(PG1), standby(PG2, null)), T.plusSeconds(2)));
        assertThat(seen.latest()).as("a primary gone down keeps its last value").map(l -> l.lsn()).contains(new Lsn(0x180));

        seen.observe(new ClusterStatus("demo", List.of(standby(PG1, PG2), primary(PG2, 0x200, T.plusSeconds(9))), T));
        assertThat(seen.of("pg1")).as("pg1 is a standby now").isEmpty();
        assertThat(seen.latest()).map(l -> l.node()).contains("pg2");
    }
}
