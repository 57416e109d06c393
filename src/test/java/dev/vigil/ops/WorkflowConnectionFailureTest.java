package dev.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.workflow.NotSentException;
import dev.vigil.ops.workflow.StepFailures;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.ops.workflow.WorkflowContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A workflow's "topology now" says why a node could not be read, in the same classes as monitoring. */
class WorkflowConnectionFailureTest {
    @Test
    void aNodeWithNothingListeningIsNamedSoInTheTopology() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        NodeEndpoint node = new NodeEndpoint("pg9", "127.0.0.1", closed, "shop", "vigil_monitor", "x");
        ClusterDefinition cluster = new ClusterDefinition("t", List.of(node));
        Topology topology = TopologyReader.read(cluster, cluster.nodes(), Optional.empty(), WorkflowContext.NONE);
        TopologyNode read = topology.nodes().get(0);
        assertThat(read.reachable()).isFalse();
        assertThat(read.describe()).isEqualTo("pg9 (127.0.0.1:" + closed + ") down, nothing listening: connection to "
                + "127.0.0.1:" + closed + " refused (node pg9). Start PostgreSQL on pg9, or check that host and port in "
                + "clusters.yaml match the server's listen_addresses and port");
        assertThat(StepFailures.classify(new NotSentException("could not log in to pg9 (127.0.0.1:" + closed + ")",
                assertThrowsConnect(node))).detail()).startsWith("could not log in to pg9 (127.0.0.1:" + closed
                + "): nothing listening:").endsWith("; nothing was sent");
    }

    private static Exception assertThrowsConnect(NodeEndpoint node) {
        try (var c = ActionConnections.reader(node, ActionConnections.Limits.within(java.time.Duration.ofSeconds(2)))) {
            throw new AssertionError("connected to a closed port");
        } catch (java.sql.SQLException e) {
            return e;
        }
    }
}
