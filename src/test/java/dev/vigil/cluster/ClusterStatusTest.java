package dev.vigil.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterStatusTest {
    static NodeStatus up(String name, int port, boolean inRecovery, String upstream) {
        return new NodeStatus(name, "127.0.0.1:" + port, NodeStatus.Reachability.UP, "", "17.6", 170006, inRecovery,
                Optional.ofNullable(upstream), Optional.ofNullable(upstream == null ? null : "streaming"),
                Optional.of(1), Optional.of(0L), Optional.empty(), Optional.of(Instant.EPOCH), Instant.EPOCH, Duration.ofMillis(2));
    }

    static NodeStatus down(String name, int port) {
        return NodeStatus.down(new NodeEndpoint(name, "127.0.0.1", port, "postgres", "m", "secret"),
                "Connection refused", Instant.EPOCH, Duration.ofMillis(1));
    }

    @Test
    void onePrimaryIsThePrimaryAndUpstreamsResolveToNodeNames() {
        ClusterStatus status = new ClusterStatus("demo", List.of(up("pg1", 5001, false, null),
                up("pg2", 5002, true, "127.0.0.1:5001"), down("pg3", 5003)), Instant.EPOCH);
        assertThat(status.primary()).map(NodeStatus::node).contains("pg1");
        assertThat(status.splitBrain()).isFalse();
        assertThat(status.reachableCount()).isEqualTo(2);
        assertThat(status.nodeNameFor("127.0.0.1:5001")).isEqualTo("pg1");
        assertThat(status.nodeNameFor("10.0.0.9:5432")).isEqualTo("10.0.0.9:5432");
    }

    @Test
    void anUpstreamSpeltAnotherLoopbackWayIsStillNamedAndSeenDown() {
        ClusterStatus status = new ClusterStatus("demo", List.of(up("pg1", 5001, false, null),
                up("pg2", 5002, true, "localhost:5003"), down("pg3", 5003)), Instant.EPOCH);
        assertThat(status.nodeNameFor("localhost:5001")).isEqualTo("pg1");
        assertThat(status.nodeNameFor("::1:5002")).isEqualTo("pg2");
        assertThat(status.downUpstreamOf(status.nodes().get(1))).map(NodeStatus::node).contains("pg3");
    }

    @Test
    void twoNodesOutOfRecoveryIsSplitBrainAndNoSinglePrimary() {
        ClusterStatus status = new ClusterStatus("demo", List.of(up("pg1", 5001, false, null),
                up("pg2", 5002, false, null), up("pg3", 5003, true, "127.0.0.1:5001")), Instant.EPOCH);
        assertThat(status.splitBrain()).isTrue();
        assertThat(status.primary()).isEmpty();
    }

    @Test
    void anUnreachableNodeHasNoRole() {
        assertThat(down("pg3", 5003).role()).isEqualTo(NodeStatus.Role.UNKNOWN);
    }

    @Test
    void endpointsNeverPrintTheirPassword() {
        assertThat(new NodeEndpoint("pg1", "h", 1, "d", "u", "hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void monitorTimeoutsStayBelowTheSamplingInterval() {
        MonitorConnectionSettings s = new MonitorConnectionSettings(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(s.statementTimeout()).isLessThan(s.interval());
        assertThat(s.lockTimeout()).isLessThan(s.statementTimeout());
        // One connection per node, kept open by the sampler (monitor.MonitorConnection): these are its properties.
        var properties = s.connectionProperties(new NodeEndpoint("pg1", "127.0.0.1", 5432, "postgres", "m", "p"));
        assertThat(properties.getProperty("ApplicationName")).isEqualTo("vigil-monitor");
        assertThat(properties.getProperty("options")).isEqualTo("-c statement_timeout=800 -c lock_timeout=400");
    }

    @Test
    void aConnectWaitsForTheConnectTimeoutNotTheSamplingInterval() {
        // Under CPU load a login can take longer than one interval; capping the wait at 1 s gave false "down".
        MonitorConnectionSettings s = MonitorConnectionSettings.defaults();
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        var properties = s.connectionProperties(new NodeEndpoint("pg1", "127.0.0.1", 5432, "postgres", "m", "p"));
        assertThat(properties.getProperty("connectTimeout")).isEqualTo("5");
        assertThat(properties.getProperty("loginTimeout")).isEqualTo("5");
    }
}
