package dev.vigil.ui.common;

import dev.vigil.alert.AlertThresholds;
import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.replication.ReceiverState;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import dev.vigil.monitor.replication.StandbyLink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who streams from whom, as the Replication view draws it: each node at its depth (primary 0, standbys 1,
 * cascades 2…), each link with its state and lag judged against the alert thresholds, and the states nobody may
 * miss: two primaries, no primary, a standby not streaming. Pure: a sample in, a picture's model out.
 */
public record ReplicationTopology(List<Member> members, List<Link> links, List<Problem> problems, boolean splitBrain) {

    public enum Health { OK, WARNING, CRITICAL }

    /** Something wrong, as the banner says it, with how bad it is. */
    public record Problem(Health severity, String text) {}

    /** @param fenced listed as "fenced · needs rejoin" by a failover: down on purpose, to come back as a standby */
    public record Member(String node, NodeStatus.Role role, boolean up, int depth, String upstream, boolean fenced) {}

    /** One upstream → standby link; lag figures are the upstream's view when it reports the standby. */
    public record Link(String upstream, String standby, String state, String syncState, Optional<Long> replayLagBytes,
                       Optional<Double> replayLagSeconds, boolean replayPaused, Health health, String verdict) {}

    public ReplicationTopology {
        members = List.copyOf(members);
        links = List.copyOf(links);
        problems = List.copyOf(problems);
    }

    public static ReplicationTopology of(ClusterSample sample, AlertThresholds thresholds) {
        return of(sample, thresholds, Set.of());
    }

    /** @param fenced the nodes the fenced-node list names: said as such, not as an unexplained outage */
    public static ReplicationTopology of(ClusterSample sample, AlertThresholds thresholds, Set<String> fenced) {
        ClusterStatus status = sample.status();
        List<Member> members = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (status.splitBrain()) {
            problems.add(new Problem(Health.CRITICAL, "SPLIT-BRAIN: " + String.join(" and ", status.primaries().stream()
                    .map(NodeStatus::node).toList()) + " all accept writes. Stop writes to all but one, then fence the others."));
        } else if (status.primaries().isEmpty() && status.reachableCount() > 0) {
            problems.add(new Problem(Health.CRITICAL, "No reachable primary: writes cannot succeed. Check the primary, or fail over."));
        }
        for (NodeSample node : sample.nodes()) {
            NodeStatus s = node.status();
            String upstream = s.upstreamAddress().map(status::nodeNameFor).orElse("");
            boolean isFenced = fenced.contains(node.node());
            members.add(new Member(node.node(), s.role(), s.isUp(), depth(sample, node.node(), new HashSet<>()), upstream,
                    isFenced));
            if (isFenced) {
                problems.add(fencedProblem(node.node(), s, status.primary().map(NodeStatus::node)));
                if (!s.isUp() || s.role() != NodeStatus.Role.STANDBY) {
                    continue;
                }
            }
            if (s.isLate()) {
                problems.add(new Problem(Health.WARNING, node.node() + " is late: " + s.error()));
                continue;
            }
            if (!s.isUp()) {
                problems.add(new Problem(Health.CRITICAL, node.node() + " is " + (dev.vigil.cluster.ConnectionFailure.kindOf(s.error()).isPresent() ? "down" : "unreachable") + (s.error().isEmpty() ? "." : ": " + s.error())));
                continue;
            }
            if (s.role() != NodeStatus.Role.STANDBY) {
                continue;
            }
            Optional<ReceiverState> receiver = node.upValue(ReplicationSnapshot.class).flatMap(ReplicationSnapshot::receiver);
            boolean paused = receiver.map(ReceiverState::replayPaused).orElse(false);
            if (upstream.isEmpty()) {
                problems.add(new Problem(Health.CRITICAL, node.node() + " is a standby that is not streaming (receiver: "
                        + receiver.flatMap(ReceiverState::status).orElse("none") + "). It falls behind until it reconnects."));
                links.add(new Link("", node.node(), "not streaming", "", Optional.empty(), Optional.empty(), paused,
                        Health.CRITICAL, "not streaming"));
                continue;
            }
            Optional<StandbyLink> seen = sample.node(upstream).flatMap(u -> u.upValue(ReplicationSnapshot.class))
                    .flatMap(r -> r.standby(node.node()));
            Optional<Long> bytes = seen.map(StandbyLink::replayLagBytes).or(() -> receiver.flatMap(ReceiverState::replayBacklogBytes));
            Optional<Double> seconds = seen.flatMap(StandbyLink::effectiveReplayLagSeconds)
                    .or(() -> receiver.flatMap(ReceiverState::replayDelaySeconds));
            String state = seen.map(StandbyLink::state).orElse(receiver.flatMap(ReceiverState::status).orElse("?"));
            Health health = Health.OK;
            String verdict = "in step";
            if (paused) {
                health = Health.WARNING;
                verdict = "replay paused";
            } else if (bytes.map(b -> b > thresholds.replicationLagBytes()).orElse(false)
                    || seconds.map(x -> x > thresholds.replicationLagSeconds()).orElse(false)) {
                health = Health.WARNING;
                verdict = "lagging";
            }
            if (!"streaming".equals(state)) {
                health = Health.CRITICAL;
                verdict = state;
            }
            // Its receiver may still say "streaming" for seconds after the sender died: it streams from nobody.
            if (sample.node(upstream).map(u -> u.status().isDown()).orElse(false)) {
                health = Health.CRITICAL;
                verdict = "streams from nobody: " + upstream + " is down";
                state = "no sender";
            }
            if (health != Health.OK) {
                problems.add(new Problem(health, node.node() + ": " + verdict
                        + bytes.map(b -> ", " + Format.bytes(b) + " behind").orElse("")));
            }
            links.add(new Link(upstream, node.node(), state, seen.map(StandbyLink::syncState).orElse(""), bytes, seconds,
                    paused, health, verdict));
        }
        return new ReplicationTopology(members, links, problems, status.splitBrain());
    }

    /** Said plainly, with who the primary is now: after a failover this is the first thing an operator reads. */
    private static Problem fencedProblem(String node, NodeStatus s, Optional<String> primary) {
        if (!s.isUp()) {
            return new Problem(Health.WARNING, primary.map(p -> p + " is the primary. ").orElse("") + node
                    + " is fenced · needs rejoin: it is down on purpose and must never start as a primary again. "
                    + "Rejoin it as a standby.");
        }
        if (s.role() == NodeStatus.Role.PRIMARY) {
            return new Problem(Health.CRITICAL, node + " is fenced · needs rejoin, yet it runs as a PRIMARY: stop it "
                    + "now, then rejoin it as a standby.");
        }
        return new Problem(Health.WARNING, node + " is marked fenced · needs rejoin and runs as a standby: rejoin it "
                + "to check it follows the primary and clear the mark.");
    }

    /** Hops to a primary; an unreachable or unattached node sits at depth 0 (primary) or 1 (standby). */
    private static int depth(ClusterSample sample, String node, Set<String> seen) {
        Optional<NodeSample> n = sample.node(node);
        if (n.isEmpty() || !seen.add(node)) {
            return 1;
        }
        NodeStatus s = n.get().status();
        if (s.role() == NodeStatus.Role.PRIMARY) {
            return 0;
        }
        return s.upstreamAddress().map(a -> sample.status().nodeNameFor(a))
                .map(up -> 1 + Math.min(depth(sample, up, seen), 4) - (sample.node(up).isPresent() ? 0 : 1))
                .orElse(1);
    }

    public Optional<Link> linkTo(String standby) {
        return links.stream().filter(l -> l.standby().equals(standby)).findFirst();
    }
}
