package dev.vigil.ui.locks;

import dev.vigil.locks.LockGraphLayout.Box;
import dev.vigil.locks.LockGraphLayout.EdgeLabel;
import dev.vigil.locks.LockGraphLayout.Lane;
import dev.vigil.locks.LockGraphLayout.Point;
import dev.vigil.locks.LockGraphLayout.Route;
import dev.vigil.locks.LockGraphLayout.RouteKind;
import dev.vigil.locks.LockGraphLayout;
import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link LockGraphLayout} onto a canvas, only what lies in the visible window. All sizes here are in layout
 * pixels; the caller's zoom scales them.
 */
final class LockGraphPainter {
    private static final double CORNER = 16;
    private static final double ELBOW = 8;
    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;
    private static final double TEXT_LEFT = 17;
    private static final double TEXT_RIGHT = 12;
    private static final double PILL_PADDING = 9;
    private static final double BADGE_HEIGHT = 18;

    private final LockGraphText pidText;
    private final LockGraphText bodyText;
    private final LockGraphText labelText;
    private final LockGraphText badgeText;
    private final LockGraphText titleText;

    /**
     * What one paint needs; {@code view*} is the visible window in layout pixels. Without {@code text} (zoomed far out,
     * where 12 px text would be 3 px of noise) only shapes and colours are painted, like a map.
     */
    record Frame(LockGraphLayout layout, IntFunction<LockGraphCard> card, IntFunction<String> badge,
                 IntFunction<String> laneTitle, LockGraphPalette palette, double viewX, double viewY, double viewWidth,
                 double viewHeight, Integer selected, Integer hovered, boolean text) {
    }

    LockGraphPainter() {
        String family = Font.getDefault().getFamily();
        pidText = new LockGraphText(Font.font(family, FontWeight.BOLD, 13));
        bodyText = new LockGraphText(Font.font(family, FontWeight.NORMAL, 12));
        labelText = new LockGraphText(Font.font(family, FontWeight.NORMAL, 12));
        badgeText = new LockGraphText(Font.font(family, FontWeight.BOLD, 11));
        titleText = new LockGraphText(Font.font(family, FontWeight.BOLD, 12));
    }

    void paint(GraphicsContext gc, Frame f) {
        gc.setTextBaseline(VPos.BASELINE);
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        LockGraphLayout layout = f.layout();
        for (Lane lane : layout.lanes()) {
            if (visible(f, lane.x(), lane.y(), lane.width(), lane.height())) {
                paintLane(gc, f, lane);
            }
        }
        Integer selected = f.selected();
        for (Route r : layout.routes()) {
            if (!touches(r, selected) && visible(f, r)) {
                paintRoute(gc, r, r.kind() == RouteKind.BACK ? f.palette().cycle() : f.palette().edge(),
                        r.kind() == RouteKind.BACK ? 1.8 : 1.4);
            }
        }
        for (Route r : layout.routes()) {
            if (touches(r, selected) && visible(f, r)) {
                paintRoute(gc, r, f.palette().accent(), 2.2);
            }
        }
        for (Box b : layout.boxes().values()) {
            if (visible(f, b.x() - 4, b.y() - BADGE_HEIGHT, b.width() + 8, b.height() + BADGE_HEIGHT + 4)) {
                paintBox(gc, f, b);
            }
        }
        if (!f.text()) {
            return;
        }
        double h = layout.metrics().labelHeight();
        for (EdgeLabel l : layout.labels()) {
            if (visible(f, l.centerX() - l.maxWidth() / 2, l.centerY() - h / 2, l.maxWidth(), h)) {
                paintLabel(gc, f, l, h);
            }
        }
    }

    private void paintLane(GraphicsContext gc, Frame f, Lane lane) {
        LockGraphPalette p = f.palette();
        gc.setFill(p.laneFill());
        gc.fillRoundRect(lane.x(), lane.y(), lane.width(), lane.height(), 20, 20);
        if (lane.cycle()) {
            gc.setFill(p.cycleFill());
            gc.fillRoundRect(lane.x(), lane.y(), lane.width(), lane.height(), 20, 20);
            gc.setLineDashes(6, 4);
        }
        gc.setStroke(lane.cycle() ? p.cycle() : p.laneBorder());
        gc.setLineWidth(1);
        gc.strokeRoundRect(lane.x() + 0.5, lane.y() + 0.5, lane.width() - 1, lane.height() - 1, 20, 20);
        gc.setLineDashes();
        if (!f.text()) {
            return;
        }
        double pad = f.layout().metrics().lanePadding();
        gc.setFont(titleText.font());
        gc.setFill(lane.cycle() ? p.cycle() : p.laneTitle());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(titleText.fit(f.laneTitle().apply(lane.index()), lane.width() - 2 * pad), lane.x() + pad,
                lane.y() + pad + 12);
    }

    private static boolean touches(Route r, Integer pid) {
        return pid != null && (r.edge().waiter() == pid || r.edge().blocker() == pid);
    }

    private static void paintRoute(GraphicsContext gc, Route r, Color color, double width) {
        List<Point> pts = r.points();
        Point tip = pts.get(pts.size() - 1);
        Point from = pts.get(pts.size() - 2);
        double dx = tip.x() - from.x();
        double dy = tip.y() - from.y();
        double len = Math.hypot(dx, dy);
        dx /= len;
        dy /= len;
        // The line stops inside the arrow head, so its round cap does not poke out of the point.
        Point end = new Point(tip.x() - dx * (ARROW_LENGTH - 2), tip.y() - dy * (ARROW_LENGTH - 2));
        gc.setStroke(color);
        gc.setLineWidth(width);
        gc.beginPath();
        gc.moveTo(pts.get(0).x(), pts.get(0).y());
        if (r.kind() == RouteKind.CROSS) {
            gc.lineTo(pts.get(1).x(), pts.get(1).y());
            gc.bezierCurveTo(pts.get(2).x(), pts.get(2).y(), pts.get(3).x(), pts.get(3).y(), end.x(), end.y());
        } else {
            for (int i = 1; i < pts.size() - 1; i++) {
                Point a = pts.get(i);
                Point b = i + 1 == pts.size() - 1 ? end : pts.get(i + 1);
                Point before = pts.get(i - 1);
                double room = Math.min(Math.hypot(a.x() - before.x(), a.y() - before.y()),
                        Math.hypot(b.x() - a.x(), b.y() - a.y())) / 2;
                gc.arcTo(a.x(), a.y(), b.x(), b.y(), Math.min(ELBOW, room));
            }
            gc.lineTo(end.x(), end.y());
        }
        gc.stroke();
        gc.setFill(color);
        double bx = tip.x() - dx * ARROW_LENGTH;
        double by = tip.y() - dy * ARROW_LENGTH;
        double hw = ARROW_HALF_WIDTH + (width - 1.4);
        gc.fillPolygon(new double[] {tip.x(), bx - dy * hw, bx + dy * hw},
                new double[] {tip.y(), by + dx * hw, by - dx * hw}, 3);
    }

    private void paintBox(GraphicsContext gc, Frame f, Box b) {
        LockGraphPalette p = f.palette();
        LockGraphCard card = f.card().apply(b.pid());
        boolean selected = f.selected() != null && f.selected() == b.pid();
        boolean hovered = f.hovered() != null && f.hovered() == b.pid();
        double x = b.x();
        double y = b.y();
        double w = b.width();
        double h = b.height();

        gc.setFill(p.shadow());
        gc.fillRoundRect(x, y + 2, w, h, CORNER, CORNER);
        if (selected) {
            gc.setStroke(p.accentRing());
            gc.setLineWidth(4);
            gc.strokeRoundRect(x - 3.5, y - 3.5, w + 7, h + 7, CORNER + 7, CORNER + 7);
        }
        gc.setFill(p.nodeFill());
        gc.fillRoundRect(x, y, w, h, CORNER, CORNER);
        Color state = stateColor(p, card.kind());
        gc.setFill(state);
        gc.fillRoundRect(x + 6, y + 9, 4, h - 18, 4, 4);

        if (b.root()) {
            gc.setStroke(p.danger());
            gc.setLineWidth(3);
            gc.strokeRoundRect(x + 1.5, y + 1.5, w - 3, h - 3, CORNER - 2, CORNER - 2);
        } else if (b.inCycle()) {
            gc.setStroke(p.cycle());
            gc.setLineWidth(2);
            gc.strokeRoundRect(x + 1, y + 1, w - 2, h - 2, CORNER - 1, CORNER - 1);
        } else {
            gc.setStroke(hovered ? p.muted() : p.nodeBorder());
            gc.setLineWidth(1);
            gc.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, CORNER, CORNER);
        }
        if (selected) {
            gc.setStroke(p.accent());
            gc.setLineWidth(2);
            gc.strokeRoundRect(x - 0.5, y - 0.5, w + 1, h + 1, CORNER + 1, CORNER + 1);
        }

        String badge = b.root() ? f.badge().apply(b.pid()) : null;
        if (!f.text()) {
            if (badge != null) {
                gc.setFill(p.danger());
                gc.fillRoundRect(x + w - 70, y - BADGE_HEIGHT / 2, 60, BADGE_HEIGHT, BADGE_HEIGHT, BADGE_HEIGHT);
            }
            return;
        }
        double inner = w - TEXT_LEFT - TEXT_RIGHT;
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(pidText.font());
        gc.setFill(p.fg());
        String pid = pidText.fit(card.pid(), inner);
        gc.fillText(pid, x + TEXT_LEFT, y + 22);
        double timeRoom = inner - pidText.width(pid) - 10;
        if (!card.time().isEmpty() && timeRoom > 20) {
            gc.setFont(bodyText.font());
            gc.setFill(p.muted());
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(bodyText.fit(card.time(), timeRoom), x + w - TEXT_RIGHT, y + 22);
            gc.setTextAlign(TextAlignment.LEFT);
        }
        gc.setFont(bodyText.font());
        gc.setFill(p.muted());
        gc.fillText(bodyText.fit(card.who(), inner), x + TEXT_LEFT, y + 39);
        gc.setFill(state);
        gc.fillText(bodyText.fit(card.state(), inner), x + TEXT_LEFT, y + 56);

        if (badge != null) {
            paintBadge(gc, p, badge, x + w - 10, y - BADGE_HEIGHT / 2);
        }
    }

    private void paintBadge(GraphicsContext gc, LockGraphPalette p, String text, double right, double top) {
        double width = badgeText.width(text) + 16;
        gc.setFill(p.danger());
        gc.fillRoundRect(right - width, top, width, BADGE_HEIGHT, BADGE_HEIGHT, BADGE_HEIGHT);
        gc.setFill(p.badgeText());
        gc.setFont(badgeText.font());
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(text, right - width / 2, top + 13);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    private void paintLabel(GraphicsContext gc, Frame f, EdgeLabel l, double h) {
        LockGraphPalette p = f.palette();
        String text = labelFitting(l.text(), l.maxWidth() - 2 * PILL_PADDING);
        double w = Math.min(l.maxWidth(), labelText.width(text) + 2 * PILL_PADDING);
        double x = l.centerX() - w / 2;
        double y = l.centerY() - h / 2;
        boolean mine = f.selected() != null && f.selected() == l.waiter();
        gc.setFill(p.pillFill());
        gc.fillRoundRect(x, y, w, h, h, h);
        gc.setStroke(mine ? p.accent() : p.pillBorder());
        gc.setLineWidth(mine ? 1.5 : 1);
        gc.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, h - 1, h - 1);
        gc.setFill(p.pillText());
        gc.setFont(labelText.font());
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(text, l.centerX(), y + h / 2 + 4);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    /**
     * The label, shortened if it must be: first "AccessExclusiveLock · t" becomes "AccessExclusive · t" (every mode
     * ends in "Lock", so nothing is lost), and only then is the end cut off.
     */
    private String labelFitting(String text, double max) {
        if (labelText.width(text) + 2 > max && text.contains("Lock · ")) {
            text = text.replaceFirst("Lock · ", " · ");
        }
        return labelText.fit(text, max);
    }

    static Color stateColor(LockGraphPalette p, LockGraphCard.Kind kind) {
        return switch (kind) {
            case ACTIVE -> p.active();
            case WAITING -> p.waiting();
            case IDLE_IN_TRANSACTION -> p.idleInTx();
            case ABORTED -> p.aborted();
            case IDLE -> p.idle();
            case GONE -> p.gone();
        };
    }

    private static boolean visible(Frame f, double x, double y, double w, double h) {
        return x < f.viewX() + f.viewWidth() && x + w > f.viewX() && y < f.viewY() + f.viewHeight()
                && y + h > f.viewY();
    }

    private static boolean visible(Frame f, Route r) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point pt : r.points()) {
            minX = Math.min(minX, pt.x());
            minY = Math.min(minY, pt.y());
            maxX = Math.max(maxX, pt.x());
            maxY = Math.max(maxY, pt.y());
        }
        return visible(f, minX - ARROW_HALF_WIDTH - 2, minY - 2, maxX - minX + 2 * ARROW_HALF_WIDTH + 4,
                maxY - minY + 4);
    }
}
