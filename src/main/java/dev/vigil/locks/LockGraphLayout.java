package dev.vigil.locks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where each session of a {@link WaitForGraph} is drawn: one box per session, layered so each blocking tree reads top
 * down from its root blocker, one frame ("lane") per tree, trees largest first, left to right, wrapping into rows.
 *
 * <p>A layout is computed from the graph and the previous layout, so the picture stays still between ticks: sessions
 * keep their first-seen order (new waiters are appended after their siblings), a tree keeps its slot while it lives,
 * and slots grow with one column of headroom and shrink only when three columns stand empty, so a tree gaining or
 * losing a waiter does not push its neighbours sideways. Rows of trees shrink lazily too, but grow at once: a tree in
 * an upper row that gets a deeper layer pushes the rows below it down. Trees swap places only when one is clearly
 * larger (see {@link #clearlyLarger}). Positions are in unscaled pixels; y grows downwards. Instances are immutable.
 */
public final class LockGraphLayout {
    /** A point of an edge route. */
    public record Point(double x, double y) {
    }

    /**
     * A session's box. {@code root}: it waits on nobody and holds others up. {@code inCycle}: it is part of a wait
     * cycle. {@code layer} 0 is the top of its tree; a waiter that wrapped into a further grid row keeps its layer.
     */
    public record Box(int pid, double x, double y, double width, double height, int layer, int lane, boolean root,
                      boolean inCycle) {
        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }

        public boolean intersects(double rx, double ry, double rw, double rh) {
            return x < rx + rw && x + width > rx && y < ry + rh && y + height > ry;
        }
    }

    /**
     * How an edge is drawn. {@code TREE}: to the waiter's parent in the layered tree, an orthogonal polyline.
     * {@code CROSS}: to a further blocker, a straight lead-in (points 0 to 1) then a cubic curve (points 1 to 4).
     * {@code BACK}: the edge that closes a cycle, an orthogonal loop round the left of the tree. Points run from the
     * waiter to the blocker; the arrow head goes on the last point.
     */
    public enum RouteKind { TREE, CROSS, BACK }

    public record Route(WaitEdge edge, RouteKind kind, List<Point> points) {
        public Route {
            points = List.copyOf(points);
        }
    }

    /** One label per waiter (all its edges ask for the same lock), centred on its connector, at most maxWidth wide. */
    public record EdgeLabel(int waiter, String text, double centerX, double centerY, double maxWidth) {
        /** "mode · relation", or "mode · what it waits for" when the lock names no table (a transaction, an advisory key). */
        public static String textFor(WaitEdge edge) {
            return edge.mode() + " · " + edge.relation().orElse(edge.awaited());
        }
    }

    /** The frame of one connected group of sessions: a blocking tree (several when they share waiters) or a cycle. */
    public record Lane(int index, double x, double y, double width, double height, Set<Integer> members,
                       int sessions, boolean cycle) {
        public Lane {
            members = Set.copyOf(members);
        }
    }

    /** What the next layout needs to know about a lane to keep it in place. */
    record LaneMemory(Set<Integer> members, double slotWidth) {
    }

    private final LockGraphLayoutMetrics metrics;
    private final Map<Integer, Box> boxes;
    private final List<Route> routes;
    private final List<EdgeLabel> labels;
    private final List<Lane> lanes;
    private final double width;
    private final double height;
    private final Map<Integer, Long> firstSeen;
    private final long nextSeen;
    private final List<LaneMemory> laneMemory;
    private final List<Double> rowHeights;

    LockGraphLayout(LockGraphLayoutMetrics metrics, Map<Integer, Box> boxes, List<Route> routes,
                    List<EdgeLabel> labels, List<Lane> lanes, double width, double height,
                    Map<Integer, Long> firstSeen, long nextSeen, List<LaneMemory> laneMemory, List<Double> rowHeights) {
        this.metrics = metrics;
        this.boxes = Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
        this.routes = List.copyOf(routes);
        this.labels = List.copyOf(labels);
        this.lanes = List.copyOf(lanes);
        this.width = width;
        this.height = height;
        this.firstSeen = Map.copyOf(firstSeen);
        this.nextSeen = nextSeen;
        this.laneMemory = List.copyOf(laneMemory);
        this.rowHeights = List.copyOf(rowHeights);
    }

    /** A layout of nothing, to start from. */
    public static LockGraphLayout empty(LockGraphLayoutMetrics metrics) {
        return new LockGraphLayout(metrics, Map.of(), List.of(), List.of(), List.of(), 0, 0, Map.of(), 0, List.of(),
                List.of());
    }

    /** A first layout with default metrics, with no history to stay close to. */
    public static LockGraphLayout of(WaitForGraph graph) {
        return of(graph, empty(LockGraphLayoutMetrics.DEFAULT), LockGraphLayoutMetrics.DEFAULT);
    }

    /** Lays {@code graph} out, keeping what it can of {@code previous} in place. */
    public static LockGraphLayout of(WaitForGraph graph, LockGraphLayout previous, LockGraphLayoutMetrics metrics) {
        return new LockGraphLayoutBuilder(graph, previous, metrics).build();
    }

    /** The next tick's layout, with this one as the previous and the same metrics. */
    public LockGraphLayout next(WaitForGraph graph) {
        return of(graph, this, metrics);
    }

    /**
     * Whether a tree of {@code size} sessions earns a place before one of {@code other} sessions: by at least two
     * sessions and a quarter, so two trees whose sizes wobble by one do not keep swapping places.
     */
    public static boolean clearlyLarger(int size, int other) {
        return size >= other + Math.max(2, (other + 3) / 4);
    }

    public LockGraphLayoutMetrics metrics() {
        return metrics;
    }

    /** Boxes by pid, in drawing order. */
    public Map<Integer, Box> boxes() {
        return boxes;
    }

    public Optional<Box> box(int pid) {
        return Optional.ofNullable(boxes.get(pid));
    }

    public List<Route> routes() {
        return routes;
    }

    public List<EdgeLabel> labels() {
        return labels;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    /** The session whose box is at this point, if any. */
    public OptionalInt pidAt(double x, double y) {
        for (Box b : boxes.values()) {
            if (b.contains(x, y)) {
                return OptionalInt.of(b.pid());
            }
        }
        return OptionalInt.empty();
    }

    Map<Integer, Long> firstSeen() {
        return firstSeen;
    }

    long nextSeen() {
        return nextSeen;
    }

    List<LaneMemory> laneMemory() {
        return laneMemory;
    }

    List<Double> rowHeights() {
        return rowHeights;
    }
}
