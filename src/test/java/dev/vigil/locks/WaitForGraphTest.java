package dev.vigil.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitForGraphTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static LockSession holder(int pid) {
        return new LockSession(pid, List.of(), "app", "shop", "api", "idle in transaction", "Client", "ClientRead",
                Optional.of(NOW.minusSeconds(60)), Optional.of(NOW.minusSeconds(60)), "UPDATE ...", Optional.empty());
    }

    private static LockSession waiter(int pid, String relation, Integer... blockers) {
        return new LockSession(pid, List.of(blockers), "app", "shop", "api", "active", "Lock", "transactionid",
                Optional.of(NOW.minusSeconds(10)), Optional.of(NOW.minusSeconds(10)), "UPDATE ...",
                Optional.of(new WaitingLock("transactionid", "ShareLock", Optional.ofNullable(relation),
                        Optional.of(NOW.minusSeconds(7)))));
    }

    private static WaitForGraph graph(LockSession... sessions) {
        return WaitForGraph.of(new LockSnapshot(NOW, List.of(sessions)));
    }

    @Test
    void chainHasOneRootHoldingUpEveryoneBehindIt() {
        // A holds; B and C wait on A; D waits on C.
        WaitForGraph g = graph(holder(1), waiter(2, "shop.orders", 1), waiter(3, "shop.orders", 1),
                waiter(4, "shop.customers", 3));
        assertThat(g.rootBlockers()).containsExactly(1);
        assertThat(g.blockedDirectly(1)).isEqualTo(2);
        assertThat(g.blockedTransitively(1)).isEqualTo(3);
        assertThat(g.blockedBehind(3)).containsExactly(4);
        assertThat(g.trees()).singleElement().satisfies(t -> {
            assertThat(t.root()).isEqualTo(1);
            assertThat(t.size()).isEqualTo(3);
        });
        assertThat(g.edges()).contains(new WaitEdge(4, 3, "ShareLock", Optional.of("shop.customers"),
                "transaction ? (a row of shop.customers) to end", Optional.of(Duration.ofSeconds(7))));
        assertThat(g.cycles()).isEmpty();
    }

    @Test
    void aWaiterBlockedByTwoSessionsCountsUnderBothRoots() {
        WaitForGraph g = graph(holder(1), holder(2), waiter(3, "t", 1, 2), waiter(4, "t", 3));
        assertThat(g.rootBlockers()).containsExactlyInAnyOrder(1, 2);
        assertThat(g.blockedTransitively(1)).isEqualTo(2);
        assertThat(g.blockedTransitively(2)).isEqualTo(2);
    }

    @Test
    void treesAreLargestFirst() {
        WaitForGraph g = graph(holder(10), waiter(11, "a", 10), holder(20), waiter(21, "b", 20), waiter(22, "b", 20),
                waiter(23, "b", 22));
        assertThat(g.trees()).extracting(BlockingTree::root).containsExactly(20, 10);
        assertThat(g.trees()).extracting(BlockingTree::size).containsExactly(3, 1);
    }

    @Test
    void sessionsWaitingOnEachOtherAreACycleWithNoRoot() {
        WaitForGraph g = graph(waiter(1, "t", 2), waiter(2, "t", 1), waiter(3, "t", 2));
        assertThat(g.cycles()).containsExactly(Set.of(1, 2));
        assertThat(g.rootBlockers()).isEmpty();
        assertThat(g.blockedTransitively(2)).isEqualTo(2); // 1 and 3; 2 itself is not counted
    }

    @Test
    void aBlockerMissingFromTheSnapshotIsStillARoot() {
        // It ended between pg_blocking_pids() and the join; its pid still explains the wait.
        WaitForGraph g = graph(waiter(5, "t", 99));
        assertThat(g.rootBlockers()).containsExactly(99);
        assertThat(g.session(99)).isEmpty();
    }

    @Test
    void nobodyWaitingIsAnEmptyGraph() {
        WaitForGraph g = graph();
        assertThat(g.isEmpty()).isTrue();
        assertThat(g.rootBlockers()).isEmpty();
        assertThat(g.trees()).isEmpty();
        assertThat(g.blockedTransitively(1)).isZero();
    }
}
