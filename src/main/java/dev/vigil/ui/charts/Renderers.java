package dev.vigil.ui.charts;

import java.awt.BasicStroke;
import java.awt.Stroke;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * The two renderers a {@link TimeChart} uses. Both draw only JFreeChart's first pass: the second draws point shapes
 * (none here) and builds a hit-test entity per point, which nobody clicks on a live chart; for the stacked renderer
 * it intersects a java.awt.geom.Area per point and was most of the FX-thread time of a tick.
 */
final class Renderers {
    static final Stroke SOLID = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1,
            new float[] {5, 4}, 0);

    private Renderers() {}

    /** Lines drawn as one path per series. */
    static final class Lines extends XYLineAndShapeRenderer {
        Lines() {
            super(true, false);
            setDrawSeriesLineAsPath(true);
            setAutoPopulateSeriesPaint(false);
            setAutoPopulateSeriesStroke(false);
        }

        @Override
        public int getPassCount() {
            return 1;
        }
    }

    /** Stacked areas, one polygon per layer. */
    static final class Stacks extends StackedXYAreaRenderer {
        Stacks() {
            super(AREA);
            setAutoPopulateSeriesPaint(false);
        }

        @Override
        public int getPassCount() {
            return 1;
        }
    }
}
