package dev.vigil.locks;

import dev.vigil.locks.LockGraphLayout.Box;
import dev.vigil.locks.LockGraphLayout.EdgeLabel;
import dev.vigil.locks.LockGraphLayout.Lane;
import dev.vigil.locks.LockGraphLayout.LaneMemory;
import dev.vigil.locks.LockGraphLayout.Point;
import dev.vigil.locks.LockGraphLayout.Route;
import dev.vigil.locks.LockGraphLayout.RouteKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes one {@link LockGraphLayout}: orders sessions and trees, sizes subtrees, flows trees into rows, routes. */
final class LockGraphLayoutBuilder {
    /** Space between a cycle's loop label and the boxes to its right. */
    private static final double LOOP_CLEARANCE = 14;
    /** Distance between two loops of one lane, when a tangle of cycles has several. */
    private static final double LOOP_STAGGER = 10;

    private final WaitForGraph graph;
    private final LockGraphLayout previous;
    private final LockGraphLayoutMetrics m;
    /** Most waiters side by side in a grid: the metrics' maximum, or fewer if a grid that wide would not fit. */
    private final int columns;
    private LockGraphLayoutForest f;

    // Per session index: subtree size, where its box sits in its subtree, where the subtree sits in its parent's.
    private double[] subtreeWidth;
    private double[] subtreeHeight;
    private double[] centerInSubtree;
    private double[] leftInParent;
    private int[] gridRow;
    private double[] trunkInSubtree;
    private double[] x;
    private double[] y;
    private double[] trunkX;
    private int[] laneOf;

    /** One lane's worth of sessions and its geometry. */
    private static final class Group {
        int[] members;
        List<Integer> treeTops = new ArrayList<>();
        List<int[]> backEdges = new ArrayList<>();
        double gutter;
        double cardWidth;
        double cardHeight;
        double slotWidth;
        double slotX;
        double cardX;
        double cardY;
        int previousIndex = -1;
        int row;
        boolean cycle;

        int size() {
            return members.length;
        }
    }

    LockGraphLayoutBuilder(WaitForGraph graph, LockGraphLayout previous, LockGraphLayoutMetrics metrics) {
        this.graph = graph;
        this.previous = previous;
        this.m = metrics;
        double room = metrics.wrapWidth() - 2 * metrics.laneGap() - 2 * metrics.lanePadding();
        this.columns = (int) Math.max(2, Math.min(metrics.maxColumns(), Math.floor(room / metrics.columnPitch())));
    }

    LockGraphLayout build() {
        Set<WaitEdge> edges = graph.edges();
        if (edges.isEmpty()) {
            return LockGraphLayout.empty(m);
        }
        Map<Integer, Long> seen = new HashMap<>();
        long nextSeen = firstSeen(edges, seen);
        List<Integer> ordered = new ArrayList<>(seen.keySet());
        ordered.sort(Comparator.comparing(seen::get));
        f = new LockGraphLayoutForest(ordered, edges, graph.cycles());
        allocate(f.size);

        List<Group> groups = new ArrayList<>();
        for (int[] members : f.components) {
            groups.add(measure(members));
        }
        List<Group> order = order(groups);
        List<Double> rowHeights = flow(order);

        Map<Integer, Box> boxes = new LinkedHashMap<>();
        List<Lane> lanes = new ArrayList<>();
        List<LaneMemory> memory = new ArrayList<>();
        for (int lane = 0; lane < order.size(); lane++) {
            Group g = order.get(lane);
            double left = g.cardX + m.lanePadding() + g.gutter;
            double top = g.cardY + m.lanePadding() + m.laneHeader();
            for (int root : g.treeTops) {
                place(root, left, top);
                left += subtreeWidth[root] + m.columnGap();
            }
            Set<Integer> pids = new HashSet<>();
            for (int i : g.members) {
                laneOf[i] = lane;
                pids.add(f.pid[i]);
            }
            lanes.add(new Lane(lane, g.cardX, g.cardY, g.cardWidth, g.cardHeight, pids, g.size(), g.cycle));
            memory.add(new LaneMemory(pids, g.slotWidth));
        }
        for (int i = 0; i < f.size; i++) {
            boxes.put(f.pid[i], new Box(f.pid[i], x[i], y[i], m.nodeWidth(), m.nodeHeight(), f.layer[i], laneOf[i],
                    f.isRoot(i), f.inCycle[i]));
        }
        List<Route> routes = new ArrayList<>();
        List<EdgeLabel> labels = new ArrayList<>();
        route(order, routes, labels);

        double width = 0;
        double height = 0;
        for (Group g : order) {
            width = Math.max(width, g.slotX + g.slotWidth + m.laneGap());
        }
        for (double h : rowHeights) {
            height += h + m.laneGap();
        }
        return new LockGraphLayout(m, boxes, routes, labels, lanes, width, height + m.laneGap(), seen, nextSeen,
                memory, rowHeights);
    }

    /**
     * Keeps the first-seen number of every known session and numbers new ones after them: blockers first, then
     * waiters longest waiting first, which is their place in the lock's queue.
     */
    private long firstSeen(Set<WaitEdge> edges, Map<Integer, Long> seen) {
        Map<Integer, Long> waitedMillis = new HashMap<>();
        for (WaitEdge e : edges) {
            long waited = e.waited().map(Duration::toMillis).orElse(0L);
            waitedMillis.merge(e.waiter(), waited, Math::max);
        }
        for (WaitEdge e : edges) {
            waitedMillis.putIfAbsent(e.blocker(), Long.MAX_VALUE); // waits on nobody: it was there before its waiters
        }
        long next = previous.nextSeen();
        List<Integer> fresh = new ArrayList<>();
        for (int pid : waitedMillis.keySet()) {
            Long known = previous.firstSeen().get(pid);
            if (known != null) {
                seen.put(pid, known);
            } else {
                fresh.add(pid);
            }
        }
        fresh.sort(Comparator.comparing((Integer pid) -> waitedMillis.get(pid)).reversed()
                .thenComparing(pid -> pid));
        for (int pid : fresh) {
            seen.put(pid, next++);
        }
        return next;
    }

    private void allocate(int n) {
        subtreeWidth = new double[n];
        subtreeHeight = new double[n];
        centerInSubtree = new double[n];
        leftInParent = new double[n];
        gridRow = new int[n];
        trunkInSubtree = new double[n];
        x = new double[n];
        y = new double[n];
        trunkX = new double[n];
        laneOf = new int[n];
    }

    private Group measure(int[] members) {
        Group g = new Group();
        g.members = members;
        double contentWidth = 0;
        double contentHeight = 0;
        for (int i : members) {
            g.cycle |= f.inCycle[i];
            for (int b : f.blockers[i]) {
                if (f.isBackEdge(i, b)) {
                    g.backEdges.add(new int[] {i, b});
                }
            }
            if (f.startsTree(i)) {
                g.treeTops.add(i);
                measureSubtree(i);
                contentWidth += (contentWidth > 0 ? m.columnGap() : 0) + subtreeWidth[i];
                contentHeight = Math.max(contentHeight, subtreeHeight[i]);
            }
        }
        if (!g.backEdges.isEmpty()) {
            g.gutter = LOOP_CLEARANCE + m.labelMaxWidth() + LOOP_STAGGER * (g.backEdges.size() - 1);
        }
        g.cardWidth = 2 * m.lanePadding() + g.gutter + contentWidth;
        g.cardHeight = 2 * m.lanePadding() + m.laneHeader() + contentHeight;
        return g;
    }

    /**
     * Sizes the subtree under {@code v}: its waiters sit side by side in queue order, each over its own subtree. When
     * more than {@code maxColumns} of them have no waiters of their own, those follow in a grid of that many columns,
     * with a trunk on its left joining the rows. The box is centred over its first-row waiters.
     */
    private void measureSubtree(int v) {
        double pitch = m.columnPitch();
        double cursor = 0;
        double firstCenter = Double.NaN;
        double lastCenter = Double.NaN;
        double blockHeight = 0;
        List<Integer> leaves = new ArrayList<>();
        for (int c : f.children[v]) {
            if (f.isLeaf(c)) {
                leaves.add(c);
            }
        }
        if (leaves.size() <= columns) {
            leaves.clear(); // few enough to sit in line with their siblings, in queue order
        }
        for (int c : f.children[v]) {
            if (leaves.contains(c)) {
                continue;
            }
            measureSubtree(c);
            gridRow[c] = -1;
            leftInParent[c] = cursor;
            double center = cursor + centerInSubtree[c];
            firstCenter = Double.isNaN(firstCenter) ? center : firstCenter;
            lastCenter = center;
            cursor += subtreeWidth[c] + m.columnGap();
            blockHeight = Math.max(blockHeight, subtreeHeight[c]);
        }
        if (!leaves.isEmpty()) {
            int across = Math.min(columns, leaves.size());
            int rows = (leaves.size() + across - 1) / across;
            trunkInSubtree[v] = cursor + m.columnGap() / 2;
            double gridLeft = cursor + (rows > 1 ? m.columnGap() : 0);
            for (int j = 0; j < leaves.size(); j++) {
                int c = leaves.get(j);
                gridRow[c] = j / across;
                leftInParent[c] = gridLeft + (j % across) * pitch;
                subtreeWidth[c] = m.nodeWidth();
                subtreeHeight[c] = m.nodeHeight();
                centerInSubtree[c] = m.nodeWidth() / 2;
                if (j < across) {
                    double center = leftInParent[c] + m.nodeWidth() / 2;
                    firstCenter = Double.isNaN(firstCenter) ? center : firstCenter;
                    lastCenter = center;
                }
            }
            cursor = gridLeft + across * pitch;
            blockHeight = Math.max(blockHeight, rows * m.nodeHeight() + (rows - 1) * m.layerGap());
        }
        if (Double.isNaN(firstCenter)) {
            subtreeWidth[v] = m.nodeWidth();
            subtreeHeight[v] = m.nodeHeight();
            centerInSubtree[v] = m.nodeWidth() / 2;
        } else {
            subtreeWidth[v] = Math.max(m.nodeWidth(), cursor - m.columnGap());
            subtreeHeight[v] = m.nodeHeight() + m.layerGap() + blockHeight;
            centerInSubtree[v] = (firstCenter + lastCenter) / 2;
        }
    }

    private void place(int v, double left, double top) {
        x[v] = Math.round(left + centerInSubtree[v] - m.nodeWidth() / 2); // whole pixels keep 1 px lines sharp
        y[v] = top;
        trunkX[v] = left + trunkInSubtree[v];
        for (int c : f.children[v]) {
            if (gridRow[c] >= 0) {
                x[c] = Math.round(left + leftInParent[c]);
                y[c] = top + m.layerPitch() * (1 + gridRow[c]);
            } else {
                place(c, left + leftInParent[c], top + m.layerPitch());
            }
        }
    }

    /**
     * Keeps last tick's lane order: each group takes the old lane it shares most sessions with, and a lane moves
     * ahead of its left neighbour only when {@link LockGraphLayout#clearlyLarger clearly larger}. New groups go before
     * the first lane they are clearly larger than, else at the end; on a first layout that is simply largest first.
     */
    private List<Group> order(List<Group> groups) {
        List<Group> bySize = new ArrayList<>(groups);
        bySize.sort(Comparator.comparingInt(Group::size).reversed().thenComparingInt(g -> g.members[0]));
        Map<Integer, Integer> oldLane = new HashMap<>();
        List<LaneMemory> old = previous.laneMemory();
        for (int lane = 0; lane < old.size(); lane++) {
            for (int pid : old.get(lane).members()) {
                oldLane.put(pid, lane);
            }
        }
        Set<Integer> claimed = new HashSet<>();
        List<Group> kept = new ArrayList<>();
        List<Group> fresh = new ArrayList<>();
        for (Group g : bySize) {
            Map<Integer, Integer> overlap = new HashMap<>();
            for (int i : g.members) {
                Integer lane = oldLane.get(f.pid[i]);
                if (lane != null && !claimed.contains(lane)) {
                    overlap.merge(lane, 1, Integer::sum);
                }
            }
            overlap.entrySet().stream()
                    .max(Comparator.comparing(Map.Entry<Integer, Integer>::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .ifPresentOrElse(best -> {
                        g.previousIndex = best.getKey();
                        claimed.add(best.getKey());
                        kept.add(g);
                    }, () -> fresh.add(g));
        }
        kept.sort(Comparator.comparingInt(g -> g.previousIndex));
        for (boolean swapped = true; swapped; ) {
            swapped = false;
            for (int i = 1; i < kept.size(); i++) {
                if (LockGraphLayout.clearlyLarger(kept.get(i).size(), kept.get(i - 1).size())) {
                    kept.add(i - 1, kept.remove(i));
                    swapped = true;
                }
            }
        }
        for (Group g : fresh) {
            int at = kept.size();
            for (int i = 0; i < kept.size(); i++) {
                if (LockGraphLayout.clearlyLarger(g.size(), kept.get(i).size())) {
                    at = i;
                    break;
                }
            }
            kept.add(at, g);
        }
        double widest = m.wrapWidth() - 2 * m.laneGap(); // headroom past the window's edge would only add a scroll bar
        for (Group g : kept) {
            double oldWidth = g.previousIndex >= 0 ? old.get(g.previousIndex).slotWidth() : 0;
            g.slotWidth = Math.min(withHeadroom(g.cardWidth, oldWidth, m.columnPitch()), Math.max(g.cardWidth, widest));
        }
        return kept;
    }

    /**
     * A lane's slot grows to what it needs plus one column of headroom, and shrinks back only once three columns
     * stand empty: one session more or less never moves the neighbours.
     */
    private static double withHeadroom(double needed, double old, double step) {
        if (needed > old || old - needed >= 3 * step) {
            return needed + step;
        }
        return old;
    }

    /** Places the lanes left to right, wrapping into rows; returns the row heights. */
    private List<Double> flow(List<Group> order) {
        double limit = Math.max(m.wrapWidth(), 0);
        double cursor = m.laneGap();
        int row = 0;
        boolean rowEmpty = true;
        for (Group g : order) {
            if (!rowEmpty && cursor + g.slotWidth + m.laneGap() > limit) {
                row++;
                cursor = m.laneGap();
            }
            g.row = row;
            g.slotX = cursor;
            cursor += g.slotWidth + m.laneGap();
            rowEmpty = false;
        }
        List<Double> heights = new ArrayList<>();
        for (Group g : order) {
            while (heights.size() <= g.row) {
                heights.add(0.0);
            }
            heights.set(g.row, Math.max(heights.get(g.row), g.cardHeight));
        }
        List<Double> oldHeights = previous.rowHeights();
        double top = m.laneGap();
        List<Double> rowTops = new ArrayList<>();
        for (int r = 0; r < heights.size(); r++) {
            // Rows grow at once (reserving height would leave most frames half empty) but shrink lazily, so a tree
            // losing its deepest waiter does not pull the rows below it up and down.
            double old = r < oldHeights.size() ? oldHeights.get(r) : 0;
            if (heights.get(r) < old && old - heights.get(r) < 2 * m.layerPitch()) {
                heights.set(r, old);
            }
            rowTops.add(top);
            top += heights.get(r) + m.laneGap();
        }
        // A frame hugs its tree at the left of its slot; the slot's headroom shows as a wider gap to the next frame.
        for (Group g : order) {
            g.cardX = g.slotX;
            g.cardY = rowTops.get(g.row);
        }
        return heights;
    }

    private void route(List<Group> order, List<Route> routes, List<EdgeLabel> labels) {
        double labelWidth = m.labelMaxWidth();
        Map<Long, double[]> loops = new HashMap<>(); // back edge -> {loop x, label y}
        for (Group g : order) {
            double contentLeft = g.cardX + m.lanePadding() + g.gutter;
            for (int k = 0; k < g.backEdges.size(); k++) {
                int w = g.backEdges.get(k)[0];
                int b = g.backEdges.get(k)[1];
                double loopX = contentLeft - LOOP_CLEARANCE - labelWidth / 2 - LOOP_STAGGER * k;
                loops.put(pair(w, b), new double[] {loopX, (y[w] + y[b] + m.nodeHeight()) / 2});
            }
        }
        for (int w = 0; w < f.size; w++) {
            if (f.blockers[w].length == 0) {
                continue;
            }
            for (int b : f.blockers[w]) {
                WaitEdge edge = f.edge(w, b);
                if (f.isBackEdge(w, b)) {
                    double loopX = loops.get(pair(w, b))[0];
                    double wy = y[w] + m.nodeHeight() / 2;
                    double by = y[b] + m.nodeHeight() / 2;
                    routes.add(new Route(edge, RouteKind.BACK, List.of(new Point(x[w], wy), new Point(loopX, wy),
                            new Point(loopX, by), new Point(x[b], by))));
                } else if (b == f.parent[w]) {
                    routes.add(new Route(edge, RouteKind.TREE, treeRoute(w, b)));
                } else {
                    routes.add(new Route(edge, RouteKind.CROSS, crossRoute(w, b)));
                }
            }
            labels.add(label(w, loops));
        }
    }

    private List<Point> treeRoute(int w, int p) {
        double wx = x[w] + m.nodeWidth() / 2;
        double px = x[p] + m.nodeWidth() / 2;
        double parentBottom = y[p] + m.nodeHeight();
        double bus = parentBottom + m.busDrop();
        List<Point> points = new ArrayList<>();
        points.add(new Point(wx, y[w]));
        if (gridRow[w] > 0) {
            double rowBus = y[w] - m.stub();
            points.add(new Point(wx, rowBus));
            points.add(new Point(trunkX[p], rowBus));
            points.add(new Point(trunkX[p], bus));
        } else {
            points.add(new Point(wx, bus));
        }
        points.add(new Point(px, bus));
        points.add(new Point(px, parentBottom));
        return simplify(points);
    }

    private List<Point> crossRoute(int w, int b) {
        double wx = x[w] + m.nodeWidth() / 2;
        double bx = x[b] + m.nodeWidth() / 2;
        double stubTop = y[w] - m.stub();
        double blockerBottom = y[b] + m.nodeHeight();
        double pull = Math.max(m.layerGap() / 2, Math.abs(stubTop - blockerBottom) / 2);
        return List.of(new Point(wx, y[w]), new Point(wx, stubTop), new Point(wx, stubTop - pull),
                new Point(bx, blockerBottom + pull), new Point(bx, blockerBottom));
    }

    private EdgeLabel label(int w, Map<Long, double[]> loops) {
        if (f.parent[w] >= 0) {
            WaitEdge edge = f.edge(w, f.parent[w]);
            return new EdgeLabel(f.pid[w], EdgeLabel.textFor(edge), x[w] + m.nodeWidth() / 2, y[w] - m.stub() / 2,
                    m.labelMaxWidth());
        }
        // A session where a cycle was cut open has no parent: its label goes on the loop that closes the cycle.
        for (int b : f.blockers[w]) {
            double[] loop = loops.get(pair(w, b));
            if (loop != null) {
                WaitEdge edge = f.edge(w, b);
                return new EdgeLabel(f.pid[w], EdgeLabel.textFor(edge), loop[0], loop[1], m.labelMaxWidth());
            }
        }
        throw new IllegalStateException("waiter " + f.pid[w] + " has neither a parent nor a back edge");
    }

    /** Drops repeated points and points in the middle of a straight run. */
    private static List<Point> simplify(List<Point> points) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            if (!out.isEmpty() && out.get(out.size() - 1).equals(p)) {
                continue;
            }
            if (out.size() >= 2) {
                Point a = out.get(out.size() - 2);
                Point b = out.get(out.size() - 1);
                if ((a.x() == b.x() && b.x() == p.x()) || (a.y() == b.y() && b.y() == p.y())) {
                    out.set(out.size() - 1, p);
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    private static long pair(int waiter, int blocker) {
        return ((long) waiter << 32) | (blocker & 0xffffffffL);
    }
}
