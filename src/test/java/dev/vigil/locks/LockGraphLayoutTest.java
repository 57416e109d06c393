package dev.vigil.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.locks.LockGraphLayout.Box;
import dev.vigil.locks.LockGraphLayout.EdgeLabel;
import dev.vigil.locks.LockGraphLayout.Lane;
import dev.vigil.locks.LockGraphLayout.Route;
import dev.vigil.locks.LockGraphLayout.RouteKind;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LockGraphLayoutTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LockGraphLayoutMetrics M = LockGraphLayoutMetrics.DEFAULT;

    static LockSession holder(int pid) {
        return new LockSession(pid, List.of(), "app", "shop", "api", "idle in transaction", "Client", "ClientRead",
                Optional.of(NOW.minusSeconds(60)), Optional.of(NOW.minusSeconds(60)), "UPDATE ...", Optional.empty());
    }

    /** Waiters with a higher pid waited less: the lock queue's order. */
    static LockSession waiter(int pid, String relation, Integer... blockers) {
        return new LockSession(pid, List.of(blockers), "app", "shop", "api", "active", "Lock", "transactionid",
                Optional.of(NOW.minusSeconds(10)), Optional.of(NOW.minusSeconds(10)), "UPDATE ...",
                Optional.of(new WaitingLock("transactionid", "ShareLock", Optional.ofNullable(relation),
                        Optional.of(NOW.minusMillis(100_000 - pid)))));
    }

    static WaitForGraph graph(LockSession... sessions) {
        return graph(List.of(sessions));
    }

    static WaitForGraph graph(List<LockSession> sessions) {
        return WaitForGraph.of(new LockSnapshot(NOW, sessions));
    }

    private static List<LockSession> with(List<LockSession> sessions, LockSession... more) {
        List<LockSession> all = new ArrayList<>(sessions);
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static List<LockSession> without(List<LockSession> sessions, int pid) {
        return sessions.stream().filter(s -> s.pid() != pid).toList();
    }

    @Test
    void chainReadsTopDownFromItsRoot() {
        // A (1) holds; B (2) and C (3) wait on A; D (4) waits on C.
        LockGraphLayout layout = LockGraphLayout.of(graph(holder(1), waiter(2, "shop.orders", 1),
                waiter(3, "shop.orders", 1), waiter(4, "shop.customers", 3)));

        assertThat(layout.boxes()).hasSize(4);
        Box a = layout.box(1).orElseThrow();
        Box b = layout.box(2).orElseThrow();
        Box c = layout.box(3).orElseThrow();
        Box d = layout.box(4).orElseThrow();
        assertThat(a.layer()).isZero();
        assertThat(a.root()).isTrue();
        assertThat(List.of(b.layer(), c.layer(), d.layer())).containsExactly(1, 1, 2);
        assertThat(b.y()).isEqualTo(c.y()).isGreaterThan(a.bottom());
        assertThat(d.y()).isGreaterThan(c.bottom());
        assertThat(b.x()).isLessThan(c.x()); // queue order: B waited longer
        assertThat(a.centerX()).isBetween(b.centerX(), c.centerX());
        assertThat(d.centerX()).isEqualTo(c.centerX());
        assertThat(b.root() || c.root() || d.root()).isFalse();

        assertThat(layout.routes()).hasSize(3).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(RouteKind.TREE);
            Box waiter = layout.box(r.edge().waiter()).orElseThrow();
            Box blocker = layout.box(r.edge().blocker()).orElseThrow();
            LockGraphLayout.Point first = r.points().get(0);
            LockGraphLayout.Point last = r.points().get(r.points().size() - 1);
            assertThat(first).isEqualTo(new LockGraphLayout.Point(waiter.centerX(), waiter.y()));
            assertThat(last).isEqualTo(new LockGraphLayout.Point(blocker.centerX(), blocker.bottom()));
        });
        assertThat(layout.labels()).extracting(EdgeLabel::waiter, EdgeLabel::text).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2, "ShareLock · shop.orders"),
                org.assertj.core.groups.Tuple.tuple(3, "ShareLock · shop.orders"),
                org.assertj.core.groups.Tuple.tuple(4, "ShareLock · shop.customers"));
        assertThat(layout.lanes()).singleElement().satisfies(l -> assertThat(l.sessions()).isEqualTo(4));
        assertNothingOverlaps(layout);
    }

    @Test
    void sameInputGivesTheSamePictureAndALayoutIsItsOwnFixedPoint() {
        WaitForGraph g = graph(holder(1), waiter(2, "t", 1), waiter(3, "t", 1), waiter(4, "t", 3), holder(10),
                waiter(11, "u", 10));
        LockGraphLayout first = LockGraphLayout.of(g);
        LockGraphLayout again = LockGraphLayout.of(g);
        assertThat(again.boxes()).isEqualTo(first.boxes());
        assertThat(again.routes()).isEqualTo(first.routes());
        assertThat(again.labels()).isEqualTo(first.labels());
        LockGraphLayout next = first.next(g);
        assertThat(next.boxes()).isEqualTo(first.boxes());
        assertThat(next.lanes()).isEqualTo(first.lanes());
        assertThat(next.width()).isEqualTo(first.width());
    }

    @Test
    void aWaiterJoiningOneTreeMovesNothingInAnother() {
        List<LockSession> sessions = List.of(holder(1), waiter(2, "t", 1), waiter(3, "t", 1), holder(10),
                waiter(11, "u", 10));
        LockGraphLayout before = LockGraphLayout.of(graph(sessions));
        assertThat(before.box(1).orElseThrow().x()).isLessThan(before.box(10).orElseThrow().x()); // larger first

        LockGraphLayout leftGrew = before.next(graph(with(sessions, waiter(5, "t", 1))));
        assertThat(boxesOf(leftGrew, 10, 11)).isEqualTo(boxesOf(before, 10, 11));
        // Old waiters keep their order, the new one is appended after them.
        assertThat(leftGrew.box(2).orElseThrow().x()).isLessThan(leftGrew.box(3).orElseThrow().x());
        assertThat(leftGrew.box(5).orElseThrow().x()).isGreaterThan(leftGrew.box(3).orElseThrow().x());

        LockGraphLayout rightGrew = before.next(graph(with(sessions, waiter(12, "u", 11))));
        assertThat(boxesOf(rightGrew, 1, 2, 3)).isEqualTo(boxesOf(before, 1, 2, 3));
        assertThat(rightGrew.box(12).orElseThrow().y()).isGreaterThan(rightGrew.box(11).orElseThrow().bottom());
    }

    @Test
    void aTreeLosingAMemberDoesNotMakeOthersJump() {
        List<LockSession> sessions = List.of(holder(1), waiter(2, "t", 1), waiter(3, "t", 1), waiter(4, "t", 1),
                holder(10), waiter(11, "u", 10), waiter(12, "u", 10), holder(20), waiter(21, "v", 20));
        LockGraphLayout before = LockGraphLayout.of(graph(sessions));
        LockGraphLayout after = before.next(graph(without(sessions, 3)));
        assertThat(after.box(3)).isEmpty();
        assertThat(boxesOf(after, 10, 11, 12, 20, 21)).isEqualTo(boxesOf(before, 10, 11, 12, 20, 21));

        LockGraphLayout middleShrank = before.next(graph(without(sessions, 12)));
        assertThat(boxesOf(middleShrank, 1, 2, 3, 4, 20, 21)).isEqualTo(boxesOf(before, 1, 2, 3, 4, 20, 21));
    }

    @Test
    void treesSwapPlacesOnlyWhenOneIsClearlyLarger() {
        List<LockSession> sessions = new ArrayList<>(List.of(holder(1), waiter(2, "t", 1), waiter(3, "t", 1),
                holder(10), waiter(11, "u", 10)));
        LockGraphLayout layout = LockGraphLayout.of(graph(sessions));
        Box left = layout.box(1).orElseThrow();
        assertThat(left.lane()).isZero();

        // The second tree grows by one, then two: now larger, but not clearly, so the first stays first and still.
        sessions.add(waiter(12, "u", 10));
        layout = layout.next(graph(sessions));
        sessions.add(waiter(13, "u", 10));
        layout = layout.next(graph(sessions));
        assertThat(layout.box(1).orElseThrow()).isEqualTo(left);
        assertThat(layout.box(10).orElseThrow().lane()).isOne();

        // Two more: 7 against 3 is clearly larger, so it moves to the front.
        sessions.add(waiter(14, "u", 10));
        sessions.add(waiter(15, "u", 10));
        layout = layout.next(graph(sessions));
        assertThat(layout.box(10).orElseThrow().lane()).isZero();
        assertThat(layout.box(1).orElseThrow().lane()).isOne();
        assertThat(LockGraphLayout.clearlyLarger(6, 5)).isFalse();
        assertThat(LockGraphLayout.clearlyLarger(7, 5)).isTrue();
        assertThat(LockGraphLayout.clearlyLarger(49, 40)).isFalse();
        assertThat(LockGraphLayout.clearlyLarger(50, 40)).isTrue();
    }

    @Test
    @Timeout(10) // a walk that followed the cycle round would never end
    void aCycleIsLaidOutAndMarked() {
        // 1 and 2 wait on each other, 3 waits on 2; 5, 6, 7 wait round in a circle; 9 <- 8 is an ordinary tree.
        WaitForGraph g = graph(waiter(1, "t", 2), waiter(2, "t", 1), waiter(3, "t", 2), waiter(5, "a", 6),
                waiter(6, "b", 7), waiter(7, "c", 5), holder(9), waiter(8, "d", 9));
        LockGraphLayout layout = LockGraphLayout.of(g);

        assertThat(layout.boxes()).hasSize(8);
        assertThat(layout.boxes().values()).filteredOn(Box::inCycle).extracting(Box::pid)
                .containsExactlyInAnyOrder(1, 2, 5, 6, 7);
        assertThat(layout.boxes().values()).filteredOn(Box::root).extracting(Box::pid).containsExactly(9);
        assertThat(layout.lanes()).filteredOn(Lane::cycle).hasSize(2);
        assertThat(layout.routes()).filteredOn(r -> r.kind() == RouteKind.BACK).hasSize(2);
        assertThat(layout.routes()).hasSize(g.edges().size());
        assertThat(layout.labels()).extracting(EdgeLabel::waiter).containsExactlyInAnyOrder(1, 2, 3, 5, 6, 7, 8);
        // The three-cycle hangs as a chain, and its back edge closes it.
        List<Integer> chain = List.of(5, 6, 7).stream()
                .sorted((p, q) -> Integer.compare(layout.box(p).orElseThrow().layer(), layout.box(q).orElseThrow().layer()))
                .toList();
        assertThat(chain.stream().map(p -> layout.box(p).orElseThrow().layer())).containsExactly(0, 1, 2);
        assertNothingOverlaps(layout);
        assertThat(layout.next(g).boxes()).isEqualTo(layout.boxes());
    }

    @Test
    void aWaiterBehindTwoBlockersHangsUnderOneAndPointsToTheOther() {
        WaitForGraph g = graph(holder(1), holder(2), waiter(3, "t", 1, 2));
        LockGraphLayout layout = LockGraphLayout.of(g);
        assertThat(layout.lanes()).hasSize(1);
        assertThat(layout.routes()).extracting(Route::kind).containsExactlyInAnyOrder(RouteKind.TREE, RouteKind.CROSS);
        assertThat(layout.labels()).hasSize(1);
        assertThat(layout.routes()).filteredOn(r -> r.kind() == RouteKind.CROSS).singleElement()
                .satisfies(r -> assertThat(r.points()).hasSize(5));
        assertNothingOverlaps(layout);
    }

    @Test
    void manyWaitersOnOneBlockerWrapIntoRows() {
        List<LockSession> sessions = new ArrayList<>(List.of(holder(1)));
        for (int pid = 100; pid < 120; pid++) {
            sessions.add(waiter(pid, "t", 1));
        }
        LockGraphLayout layout = LockGraphLayout.of(graph(sessions));
        Map<Double, Long> perRow = layout.boxes().values().stream().filter(b -> b.pid() != 1)
                .collect(Collectors.groupingBy(Box::y, Collectors.counting()));
        assertThat(perRow).hasSize(4);
        assertThat(perRow.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(M.maxColumns()));
        assertThat(layout.boxes().values()).filteredOn(b -> b.pid() != 1).allSatisfy(b -> assertThat(b.layer()).isOne());
        assertThat(layout.lanes().get(0).width()).isLessThanOrEqualTo(M.wrapWidth() - 2 * M.laneGap());
        assertNothingOverlaps(layout);
    }

    @Test
    void treesWrapIntoRowsPastTheWrapWidth() {
        List<LockSession> sessions = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            sessions.add(holder(100 + t * 10));
            sessions.add(waiter(101 + t * 10, "t", 100 + t * 10));
        }
        LockGraphLayout layout = LockGraphLayout.of(graph(sessions), LockGraphLayout.empty(M),
                M.withWrapWidth(1200));
        assertThat(layout.lanes().stream().map(Lane::y).distinct().count()).isGreaterThan(1);
        assertThat(layout.lanes()).allSatisfy(l -> assertThat(l.x() + l.width()).isLessThanOrEqualTo(1200));
        assertNothingOverlaps(layout);
    }

    @Test
    void nobodyWaitingIsAnEmptyLayout() {
        LockGraphLayout layout = LockGraphLayout.of(graph());
        assertThat(layout.isEmpty()).isTrue();
        assertThat(layout.pidAt(10, 10)).isEmpty();
    }

    @Test
    void hitTestFindsTheBoxUnderAPoint() {
        LockGraphLayout layout = LockGraphLayout.of(graph(holder(1), waiter(2, "t", 1)));
        Box b = layout.box(2).orElseThrow();
        assertThat(layout.pidAt(b.centerX(), b.centerY())).hasValue(2);
        assertThat(layout.pidAt(b.x() - 5, b.y() - 5)).isEmpty();
    }

    @Test
    void threeHundredSessionsInTwentyTrees() {
        List<LockSession> sessions = LockGraphFixtures.threeHundredSessions(NOW);
        WaitForGraph g = graph(sessions);
        LockGraphLayout layout = LockGraphLayout.of(g);
        assertThat(layout.boxes()).hasSize(300);
        assertThat(layout.lanes()).hasSizeBetween(18, 24);
        assertNothingOverlaps(layout);

        // Timing is printed for the record, not asserted: the machine is shared. Warm up the JIT first, as a
        // running window would be after a few minutes of ticks.
        for (int i = 0; i < 500; i++) {
            layout = layout.next(g);
        }
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            layout = layout.next(g);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("LockGraphLayout: 300 sessions, %d lanes, warm median %.2f ms per layout (min %.2f, max %.2f)%n",
                layout.lanes().size(), nanos[25] / 1e6, nanos[0] / 1e6, nanos[49] / 1e6);
    }

    private static Map<Integer, Box> boxesOf(LockGraphLayout layout, int... pids) {
        return Arrays.stream(pids).boxed().collect(Collectors.toMap(p -> p, p -> layout.box(p).orElseThrow()));
    }

    /** No two boxes overlap, no label overlaps a box or another label, every box lies inside its lane. */
    static void assertNothingOverlaps(LockGraphLayout layout) {
        List<double[]> rects = new ArrayList<>();
        for (Box b : layout.boxes().values()) {
            rects.add(new double[] {b.x(), b.y(), b.width(), b.height(), b.pid()});
            Lane lane = layout.lanes().get(b.lane());
            assertThat(b.x()).isGreaterThanOrEqualTo(lane.x());
            assertThat(b.right()).isLessThanOrEqualTo(lane.x() + lane.width());
            assertThat(b.bottom()).isLessThanOrEqualTo(lane.y() + lane.height());
        }
        double h = layout.metrics().labelHeight();
        for (EdgeLabel l : layout.labels()) {
            rects.add(new double[] {l.centerX() - l.maxWidth() / 2, l.centerY() - h / 2, l.maxWidth(), h,
                    -l.waiter()});
        }
        for (int i = 0; i < rects.size(); i++) {
            for (int j = i + 1; j < rects.size(); j++) {
                double[] a = rects.get(i);
                double[] b = rects.get(j);
                boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                assertThat(overlap).as("%s overlaps %s", describe(a), describe(b)).isFalse();
            }
        }
        for (int i = 0; i < layout.lanes().size(); i++) {
            for (int j = i + 1; j < layout.lanes().size(); j++) {
                Lane a = layout.lanes().get(i);
                Lane b = layout.lanes().get(j);
                boolean overlap = a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                        && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
                assertThat(overlap).as("lanes %d and %d overlap", i, j).isFalse();
            }
        }
    }

    private static String describe(double[] r) {
        return (r[4] < 0 ? "label of " + (int) -r[4] : "box " + (int) r[4]) + " at " + r[0] + "," + r[1];
    }
}
