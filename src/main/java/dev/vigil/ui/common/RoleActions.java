package dev.vigil.ui.common;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.ui.common.RoleAction.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which role changes make sense now, from the monitor's newest status and the fenced-node list: a switchover to
 * a standby while the primary answers, a failover when no primary does, a rejoin of a node that is down, fenced
 * or following the wrong upstream. Pure, so the tree's menu and the Replication view's buttons agree, and so
 * each "why not" is tested. The workflows re-read the cluster and check again before anything runs.
 */
public final class RoleActions {
    private final ClusterStatus status;
    private final Set<String> fenced;

    public RoleActions(ClusterStatus status, Set<String> fenced) {
        this.status = status;
        this.fenced = Set.copyOf(fenced);
    }

    /** The tree's context menu on a node: all three, each enabled or saying why not. */
    public List<RoleAction> forNode(String node) {
        return List.of(switchover(node), failover(Optional.of(node)), rejoin(node));
    }

    /**
     * The Replication view's buttons: a switchover per standby while a primary answers, one prominent failover
     * when none does, a rejoin per node that needs one.
     */
    public List<RoleAction> offers() {
        List<RoleAction> out = new ArrayList<>();
        if (status.primary().isPresent()) {
            status.nodes().stream().filter(n -> n.role() == NodeStatus.Role.STANDBY)
                    .forEach(n -> out.add(switchover(n.node())));
        } else if (!status.splitBrain() && status.nodes().stream().anyMatch(n -> n.role() == NodeStatus.Role.STANDBY)) {
            out.add(failover(Optional.empty()));
        }
        status.nodes().stream().filter(n -> needsRejoin(n)).forEach(n -> out.add(rejoin(n.node())));
        return out;
    }

    public RoleAction switchover(String node) {
        Optional<String> n = Optional.of(node);
        Optional<String> why = common(node).or(() -> {
            NodeStatus s = find(node).orElseThrow();
            if (!s.isUp()) {
                return Optional.of(node + " is " + dev.vigil.cluster.ConnectionFailure.notUp(s.error()));
            }
            if (fenced.contains(node)) {
                return Optional.of(node + " is fenced · needs rejoin: rejoin it first");
            }
            if (s.role() == NodeStatus.Role.PRIMARY) {
                return Optional.of(node + " is already the primary");
            }
            if (status.primary().isEmpty()) {
                return Optional.of("No primary answers: fail over instead");
            }
            if (s.upstreamAddress().isEmpty()) {
                return Optional.of(node + " is not streaming: rejoin it first");
            }
            return Optional.empty();
        });
        return why.map(w -> RoleAction.disabled(Kind.SWITCHOVER, n, w)).orElse(RoleAction.enabled(Kind.SWITCHOVER, n));
    }

    /** To {@code node}, or with none, to whichever standby has received the most WAL. */
    public RoleAction failover(Optional<String> node) {
        Optional<String> why = node.flatMap(this::common).or(() -> {
            if (status.splitBrain()) {
                return Optional.of(splitBrain());
            }
            if (connecting()) {
                return Optional.of("Still connecting to the nodes");
            }
            if (status.primary().isPresent()) {
                return Optional.of(status.primary().get().node() + " is the primary and answers: switch over instead "
                        + "(it loses nothing)");
            }
            if (node.isPresent()) {
                NodeStatus s = find(node.get()).orElseThrow();
                if (s.role() != NodeStatus.Role.STANDBY) {
                    return Optional.of(node.get() + " is not a reachable standby");
                }
                if (fenced.contains(node.get())) {
                    return Optional.of(node.get() + " is fenced · needs rejoin");
                }
            } else if (status.nodes().stream().noneMatch(s -> s.role() == NodeStatus.Role.STANDBY
                    && !fenced.contains(s.node()))) {
                return Optional.of("No reachable standby to promote");
            }
            return Optional.empty();
        });
        return why.map(w -> RoleAction.disabled(Kind.FAILOVER, node, w)).orElse(RoleAction.enabled(Kind.FAILOVER, node));
    }

    public RoleAction rejoin(String node) {
        Optional<String> n = Optional.of(node);
        Optional<String> why = common(node).or(() -> {
            NodeStatus s = find(node).orElseThrow();
            if (s.role() == NodeStatus.Role.PRIMARY) {
                return Optional.of(node + " runs as a primary" + (fenced.contains(node) ? " though it is marked "
                        + "fenced: stop it first" : ""));
            }
            if (!needsRejoin(s)) {
                return Optional.of(node + " already streams from " + status.primary().map(NodeStatus::node).orElse("the primary"));
            }
            if (status.primary().isEmpty()) {
                return Optional.of("No primary to follow: fail over first");
            }
            return Optional.empty();
        });
        return why.map(w -> RoleAction.disabled(Kind.REJOIN, n, w)).orElse(RoleAction.enabled(Kind.REJOIN, n));
    }

    /** Down, fenced, or a standby that does not stream from the one primary (when there is one). */
    public boolean needsRejoin(NodeStatus s) {
        if (s.reachability() == NodeStatus.Reachability.CONNECTING) {
            return false;
        }
        if (!s.isUp() || fenced.contains(s.node())) {
            return true;
        }
        if (s.role() != NodeStatus.Role.STANDBY) {
            return false;
        }
        // With no primary, every standby has lost its upstream: the failover re-points them, not a rejoin.
        Optional<String> upstream = s.upstreamAddress().map(status::nodeNameFor);
        return status.primary().map(p -> upstream.filter(p.node()::equals).isEmpty()).orElse(false);
    }

    /** What rules out any action on the node: unknown, split-brain, still connecting. */
    private Optional<String> common(String node) {
        Optional<NodeStatus> s = find(node);
        if (s.isEmpty()) {
            return Optional.of(node + " is not a node of " + status.cluster());
        }
        if (status.splitBrain()) {
            return Optional.of(splitBrain());
        }
        if (s.get().reachability() == NodeStatus.Reachability.CONNECTING) {
            return Optional.of("Still connecting to " + node);
        }
        return Optional.empty();
    }

    private String splitBrain() {
        return "Two primaries (split-brain): stop writes to all but one and fence the others first";
    }

    private boolean connecting() {
        return status.nodes().stream().anyMatch(n -> n.reachability() == NodeStatus.Reachability.CONNECTING);
    }

    private Optional<NodeStatus> find(String node) {
        return status.nodes().stream().filter(n -> n.node().equals(node)).findFirst();
    }
}
