package dev.vigil.ui.locks;

import dev.vigil.locks.LockGraphLayout.Lane;
import dev.vigil.locks.LockGraphLayout;
import dev.vigil.locks.LockGraphLayoutMetrics;
import dev.vigil.locks.WaitEdge;
import dev.vigil.locks.WaitForGraph;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.ui.common.Format;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.transform.Affine;

/**
 * The live wait-for graph: one box per session, arrows from waiter to blocker labelled with the lock asked for, each
 * blocking tree read top down from its root blocker (thick red border and a "ROOT · blocks N" badge), cycles in a
 * dashed purple frame with the loop that closes them.
 *
 * <p>Drawn on one canvas the size of the visible window, inside a {@link ScrollPane} over a surface the size of the
 * whole graph: only what is visible is painted, and a tick costs one layout and one paint whatever the graph's size.
 * Hit-testing is the layout's. Positions come from {@link LockGraphLayout}, fed each tick with the previous layout,
 * so boxes stay put between ticks.
 *
 * <p>Call {@link #show} on the FX thread with each new graph. The canvas cannot read theme CSS, so the palette is
 * chosen with {@link #setDark} (Primer dark by default, like the app); call it when the theme changes. Ctrl + wheel
 * zooms, {@link #zoomToFit()} fits the graph into the window.
 */
public final class LockGraphView extends Region {
    static final String EMPTY_TEXT = "No session is waiting on a lock";
    private static final double MIN_ZOOM = 0.2;
    private static final double MAX_ZOOM = 2;
    private static final double MIN_WRAP = 640;
    /** Below this zoom, text would be too small to read and is left out. */
    private static final double TEXT_ZOOM = 0.5;

    private final LockGraphLayoutMetrics baseMetrics;
    private final ScrollPane scroll = new ScrollPane();
    private final Pane surface = new Pane();
    private final Canvas canvas = new Canvas();
    private final Label empty = new Label(EMPTY_TEXT);
    private final LockGraphPainter painter = new LockGraphPainter();
    private final ReadOnlyObjectWrapper<Integer> selectedPid = new ReadOnlyObjectWrapper<>(this, "selectedPid");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", true);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

    private WaitForGraph graph;
    private LockGraphLayout layout;
    private Map<Integer, Duration> waited = Map.of();
    private final Map<Integer, LockGraphCard> cards = new HashMap<>();
    private final Map<Integer, String> badges = new HashMap<>();
    private Map<Integer, LockSession> sessions = Map.of();
    private Integer hovered;
    private boolean dirty = true;
    private double wrapWidth = -1;

    public LockGraphView() {
        this(LockGraphLayoutMetrics.DEFAULT);
    }

    public LockGraphView(LockGraphLayoutMetrics metrics) {
        this.baseMetrics = metrics;
        this.layout = LockGraphLayout.empty(metrics);
        getStyleClass().add("lock-graph");
        surface.getChildren().add(canvas);
        scroll.setContent(surface);
        scroll.setPannable(false);
        scroll.setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-padding: 0;");
        empty.getStyleClass().add("lock-graph-empty");
        empty.setStyle("-fx-text-fill: -color-fg-muted; -fx-font-size: 15px;");
        empty.setMouseTransparent(true);
        getChildren().addAll(scroll, empty);

        scroll.hvalueProperty().addListener((o, a, b) -> repaintLater());
        scroll.vvalueProperty().addListener((o, a, b) -> repaintLater());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> repaintLater());
        dark.addListener((o, a, b) -> repaintLater());
        selectedPid.addListener((o, a, b) -> repaintLater());
        zoom.addListener((o, a, b) -> {
            double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, b.doubleValue()));
            if (z != b.doubleValue()) {
                zoom.set(z);
                return;
            }
            relayout();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(null));
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() && e.getDeltaY() != 0) {
                zoom.set(zoom.get() * Math.pow(1.1, Math.signum(e.getDeltaY())));
                e.consume();
            }
        });
        updateEmpty();
    }

    /** Shows the next tick's graph, keeping boxes where they were; {@code null} or an empty graph shows the empty state. */
    public void show(WaitForGraph next) {
        graph = next;
        cards.clear();
        badges.clear();
        if (next == null || next.isEmpty()) {
            sessions = Map.of();
            waited = Map.of();
            layout = LockGraphLayout.empty(baseMetrics);
        } else {
            sessions = next.sessions();
            waited = waitedByPid(next);
            layout = LockGraphLayout.of(next, layout, metrics());
        }
        if (selectedPid.get() != null && layout.box(selectedPid.get()).isEmpty()) {
            selectedPid.set(null);
        }
        if (hovered != null && layout.box(hovered).isEmpty()) {
            hovered = null;
        }
        updateEmpty();
        resizeSurface();
        repaintLater();
    }

    /** The session the user clicked, or {@code null}; cleared when that session leaves the graph. */
    public ReadOnlyObjectProperty<Integer> selectedPidProperty() {
        return selectedPid.getReadOnlyProperty();
    }

    public Integer getSelectedPid() {
        return selectedPid.get();
    }

    /** Selects a session shown in the graph (and scrolls it into view), or clears the selection with {@code null}. */
    public void select(Integer pid) {
        if (pid != null && layout.box(pid).isEmpty()) {
            return;
        }
        selectedPid.set(pid);
        if (pid != null) {
            reveal(pid);
        }
    }

    /** Primer dark colours when true (the default), Primer light when false. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean value) {
        dark.set(value);
    }

    /** 1 is actual size; kept between 0.2 and 2. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Zooms out (never in past 1) until the whole graph fits the window. */
    public void zoomToFit() {
        Bounds view = scroll.getViewportBounds();
        if (layout.isEmpty() || view.getWidth() <= 0 || view.getHeight() <= 0) {
            zoom.set(1);
            return;
        }
        double z = 1;
        while (z > MIN_ZOOM) {
            LockGraphLayout trial = LockGraphLayout.of(graph, layout,
                    baseMetrics.withWrapWidth(Math.max(MIN_WRAP, view.getWidth() / z)));
            if (trial.width() * z <= view.getWidth() && trial.height() * z <= view.getHeight()) {
                break;
            }
            z *= 0.9;
        }
        zoom.set(Math.max(MIN_ZOOM, z));
    }

    /** The layout on screen now. */
    public LockGraphLayout currentLayout() {
        return layout;
    }

    /** Scrolls so that the session's box is in view. */
    public void reveal(int pid) {
        layout.box(pid).ifPresent(b -> {
            layout(); // the scroll pane must know the surface's new size first
            Bounds view = scroll.getViewportBounds();
            double z = zoom.get();
            double extraW = surface.getWidth() - view.getWidth();
            double extraH = surface.getHeight() - view.getHeight();
            if (extraW > 0) {
                double left = offsetX();
                if (b.x() * z < left || b.right() * z > left + view.getWidth()) {
                    scroll.setHvalue(clamp((b.centerX() * z - view.getWidth() / 2) / extraW));
                }
            }
            if (extraH > 0) {
                double top = offsetY();
                if ((b.y() - 20) * z < top || (b.bottom() + 4) * z > top + view.getHeight()) {
                    scroll.setVvalue(clamp((b.centerY() * z - view.getHeight() / 2) / extraH));
                }
            }
        });
    }

    /** Where a point of the layout is in the scene, for tests that look at pixels. */
    Point2D scenePointOf(double layoutX, double layoutY) {
        double z = zoom.get();
        return canvas.localToScene(layoutX * z - offsetX(), layoutY * z - offsetY());
    }

    /** Where a point of the layout is on screen, for tests that click a box. */
    Point2D screenPointOf(double layoutX, double layoutY) {
        double z = zoom.get();
        return canvas.localToScreen(layoutX * z - offsetX(), layoutY * z - offsetY());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        scroll.resizeRelocate(0, 0, w, h);
        empty.autosize();
        empty.relocate(Math.round((w - empty.getWidth()) / 2), Math.round((h - empty.getHeight()) / 2));
        scroll.layout();
        Bounds view = scroll.getViewportBounds();
        double wanted = Math.max(MIN_WRAP, Math.floor(view.getWidth() / zoom.get()) - 1);
        if (graph != null && !graph.isEmpty() && view.getWidth() > 0 && Math.abs(wanted - wrapWidth) > 0.5) {
            layout = LockGraphLayout.of(graph, layout, metrics());
            resizeSurface();
            scroll.layout();
            dirty = true;
        }
        if (dirty) {
            paint();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    private LockGraphLayoutMetrics metrics() {
        double viewWidth = scroll.getViewportBounds().getWidth();
        // A pixel less than the window, so rounding never makes the graph a hair too wide and summon a scroll bar.
        wrapWidth = Math.max(MIN_WRAP, Math.floor((viewWidth > 0 ? viewWidth : getWidth()) / zoom.get()) - 1);
        return baseMetrics.withWrapWidth(wrapWidth);
    }

    private void relayout() {
        if (graph != null && !graph.isEmpty()) {
            layout = LockGraphLayout.of(graph, layout, metrics());
        }
        resizeSurface();
        repaintLater();
    }

    private void repaintLater() {
        dirty = true;
        requestLayout();
    }

    private void resizeSurface() {
        double z = zoom.get();
        surface.setMinSize(layout.width() * z, layout.height() * z);
        surface.setPrefSize(layout.width() * z, layout.height() * z);
    }

    private void paint() {
        dirty = false;
        Bounds view = scroll.getViewportBounds();
        double w = Math.max(1, Math.ceil(view.getWidth()));
        double h = Math.max(1, Math.ceil(view.getHeight()));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        double left = offsetX();
        double top = offsetY();
        canvas.relocate(left, top);
        LockGraphPalette palette = dark.get() ? LockGraphPalette.DARK : LockGraphPalette.LIGHT;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setTransform(new Affine());
        gc.clearRect(0, 0, w, h); // covers the canvas, so the canvas drops the previous frame's commands
        gc.setFill(palette.background());
        gc.fillRect(0, 0, w, h);
        if (layout.isEmpty()) {
            return;
        }
        double z = zoom.get();
        gc.setTransform(z, 0, 0, z, -left, -top);
        painter.paint(gc, new LockGraphPainter.Frame(layout, this::card, this::badge, this::laneTitle, palette,
                left / z, top / z, w / z, h / z, selectedPid.get(), hovered, z >= TEXT_ZOOM));
    }

    private double offsetX() {
        double extra = surface.getWidth() - scroll.getViewportBounds().getWidth();
        return extra > 0 ? Math.round(scroll.getHvalue() * extra) : 0;
    }

    private double offsetY() {
        double extra = surface.getHeight() - scroll.getViewportBounds().getHeight();
        return extra > 0 ? Math.round(scroll.getVvalue() * extra) : 0;
    }

    private OptionalInt pidAt(MouseEvent e) {
        double z = zoom.get();
        return layout.pidAt((e.getX() + offsetX()) / z, (e.getY() + offsetY()) / z);
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        OptionalInt pid = pidAt(e);
        selectedPid.set(pid.isPresent() ? pid.getAsInt() : null);
    }

    private void moved(MouseEvent e) {
        OptionalInt pid = pidAt(e);
        hover(pid.isPresent() ? pid.getAsInt() : null);
    }

    private void hover(Integer pid) {
        if (!Objects.equals(pid, hovered)) {
            hovered = pid;
            canvas.setCursor(pid == null ? Cursor.DEFAULT : Cursor.HAND);
            repaintLater();
        }
    }

    private void updateEmpty() {
        boolean none = layout.isEmpty();
        empty.setVisible(none);
        scroll.setVisible(!none);
    }

    private LockGraphCard card(int pid) {
        return cards.computeIfAbsent(pid, p -> LockGraphCard.of(p, Optional.ofNullable(sessions.get(p)),
                Optional.ofNullable(waited.get(p)), graph.snapshot().at()));
    }

    private String badge(int pid) {
        return badges.computeIfAbsent(pid, p -> "ROOT · blocks " + graph.blockedTransitively(p));
    }

    private String laneTitle(int index) {
        Lane lane = layout.lanes().get(index);
        Duration longest = Duration.ZERO;
        for (int pid : lane.members()) {
            Duration d = waited.get(pid);
            if (d != null && d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        String what = lane.cycle() ? "Lock cycle (deadlock)" : "Blocking tree";
        return what + " · " + lane.sessions() + " sessions · longest wait " + Format.duration(longest);
    }

    private static Map<Integer, Duration> waitedByPid(WaitForGraph g) {
        Map<Integer, Duration> result = new HashMap<>();
        for (WaitEdge e : g.edges()) {
            e.waited().ifPresent(d -> result.merge(e.waiter(), d, (a, b) -> a.compareTo(b) >= 0 ? a : b));
        }
        return result;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
