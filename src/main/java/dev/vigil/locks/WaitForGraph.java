package dev.vigil.locks;

import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;

/**
 * Who waits on whom, built on the client from one {@link LockSnapshot}: vertices are backend pids, and each
 * edge runs from a waiter to a session blocking it. Answers what a DBA asks first: which sessions are the root
 * blockers, how many each holds up, and whether sessions wait on each other in a cycle.
 */
public final class WaitForGraph {
    private final LockSnapshot snapshot;
    private final Graph<Integer, WaitEdge> graph = new DefaultDirectedGraph<>(null, null, false);

    private WaitForGraph(LockSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    public static WaitForGraph of(LockSnapshot snapshot) {
        WaitForGraph g = new WaitForGraph(snapshot);
        for (LockSession session : snapshot.sessions()) {
            g.graph.addVertex(session.pid());
            for (int blocker : session.blockedBy()) {
                if (blocker == session.pid()) {
                    continue;
                }
                g.graph.addVertex(blocker);
                Optional<WaitingLock> lock = session.waitingFor();
                g.graph.addEdge(session.pid(), blocker, new WaitEdge(session.pid(), blocker,
                        lock.map(WaitingLock::mode).orElse("?"), lock.flatMap(WaitingLock::relation),
                        lock.map(WaitingLock::awaited).orElse("a lock (released while it was being read)"),
                        waited(lock, session, snapshot.at())));
            }
        }
        return g;
    }

    public LockSnapshot snapshot() {
        return snapshot;
    }

    public Set<WaitEdge> edges() {
        return Set.copyOf(graph.edgeSet());
    }

    public boolean isEmpty() {
        return graph.edgeSet().isEmpty();
    }

    /** Blockers that wait on nobody themselves: ending one of them releases its whole tree. */
    public List<Integer> rootBlockers() {
        return graph.vertexSet().stream()
                .filter(v -> graph.inDegreeOf(v) > 0 && graph.outDegreeOf(v) == 0)
                .sorted(Comparator.comparingInt(this::blockedTransitively).reversed().thenComparing(v -> v))
                .toList();
    }

    public int blockedDirectly(int pid) {
        return graph.containsVertex(pid) ? graph.inDegreeOf(pid) : 0;
    }

    public int blockedTransitively(int pid) {
        return blockedBehind(pid).size();
    }

    /** Every session whose wait leads, through any chain, to {@code pid}. */
    public Set<Integer> blockedBehind(int pid) {
        Set<Integer> seen = new HashSet<>();
        if (!graph.containsVertex(pid)) {
            return seen;
        }
        Deque<Integer> todo = new ArrayDeque<>(Graphs.predecessorListOf(graph, pid));
        while (!todo.isEmpty()) {
            int waiter = todo.pop();
            if (waiter != pid && seen.add(waiter)) {
                todo.addAll(Graphs.predecessorListOf(graph, waiter));
            }
        }
        return seen;
    }

    /** The blocking trees, largest first. */
    public List<BlockingTree> trees() {
        return rootBlockers().stream()
                .map(root -> new BlockingTree(root, blockedDirectly(root), blockedBehind(root)))
                .sorted(Comparator.comparingInt(BlockingTree::size).reversed().thenComparingInt(BlockingTree::root))
                .toList();
    }

    /** The root blockers with who they are, largest tree first: what a DBA reads before ending one. */
    public List<RootBlocker> rootBlockerDetails() {
        return trees().stream().map(t -> RootBlocker.of(t, snapshot.session(t.root()), snapshot.at())).toList();
    }

    /**
     * Groups of sessions that wait on each other in a circle. PostgreSQL's deadlock detector breaks these after
     * {@code deadlock_timeout}; seeing one here means it is about to, or a wait is not one it can see.
     */
    public List<Set<Integer>> cycles() {
        return new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets().stream()
                .filter(set -> set.size() > 1).map(Set::copyOf).toList();
    }

    public Optional<LockSession> session(int pid) {
        return snapshot.session(pid);
    }

    public Map<Integer, LockSession> sessions() {
        return snapshot.byPid();
    }

    private static Optional<Duration> waited(Optional<WaitingLock> lock, LockSession session, Instant now) {
        return lock.flatMap(WaitingLock::waitStart).or(session::queryStart).map(start -> Duration.between(start, now))
                .filter(d -> !d.isNegative());
    }
}
