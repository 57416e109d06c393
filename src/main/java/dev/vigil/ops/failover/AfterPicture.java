package dev.vigil.ops.failover;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import java.util.List;
import java.util.Optional;

/**
 * The topology a role change intends, from the one before it. Pure, so switchover and failover draw it alike.
 * The candidate becomes the primary on the next timeline; the re-pointed standbys follow it on that timeline; a
 * cascaded standby keeps streaming from its intermediate standby, which follows the new primary, so it too moves
 * to the new timeline (recovery_target_timeline 'latest', the default since PostgreSQL 12). A standby streaming
 * from nobody stays as it is: nothing carries it over.
 */
final class AfterPicture {
    private AfterPicture() {}

    /** @param oldPrimary how the old primary ends up (a standby of the candidate, or unreachable with the reason) */
    static Topology of(Topology before, String candidate, String old, List<String> repointed, TopologyNode oldPrimary) {
        List<TopologyNode> after = before.nodes().stream().map(n -> {
            Optional<Integer> tl = n.timeline().map(t -> t + 1);
            if (n.node().equals(candidate)) {
                return new TopologyNode(n.node(), n.address(), NodeStatus.Role.PRIMARY, Optional.empty(), tl, n.version(), "");
            }
            if (n.node().equals(old)) {
                return oldPrimary;
            }
            if (repointed.contains(n.node())) {
                return new TopologyNode(n.node(), n.address(), n.role(), Optional.of(candidate), tl, n.version(), "");
            }
            if (n.reachable() && n.role() == NodeStatus.Role.STANDBY && followsThrough(before, n, candidate, old)) {
                return new TopologyNode(n.node(), n.address(), n.role(), n.upstream(), tl, n.version(), "");
            }
            return n;
        }).toList();
        return new Topology(before.cluster(), after, before.focus(), before.readAt());
    }

    /** Whether its chain of upstreams reaches the candidate or the old primary (through nodes of the cluster). */
    private static boolean followsThrough(Topology before, TopologyNode n, String candidate, String old) {
        Optional<String> up = n.upstream();
        for (int hops = 0; up.isPresent() && hops <= before.nodes().size(); hops++) {
            String u = up.get();
            if (u.equals(candidate) || u.equals(old)) {
                return true;
            }
            up = before.nodes().stream().filter(m -> m.node().equals(u) && m.reachable()).findFirst()
                    .flatMap(TopologyNode::upstream);
        }
        return false;
    }
}
