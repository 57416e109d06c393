package dev.vigil.ui.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

/**
 * A value axis drawn by its {@link Scale}: the range fitted to the data each tick, ticks at least
 * {@value #MIN_TICK_SPACING} pixels apart and no more than about {@value #MAX_INTERVALS} intervals on a tall chart,
 * labels in the scale's units, and (from-zero scales) a top rounded up to a whole tick so the highest gridline
 * carries a label.
 */
final class ScaleAxis extends NumberAxis {
    static final double MIN_TICK_SPACING = 28;
    static final int MAX_INTERVALS = 6;
    private static final double HEADROOM = 0.08;
    private final Scale scale;
    private double fittedLower;
    private double fittedUpper = 1;

    ScaleAxis(Scale scale) {
        super(scale.label());
        this.scale = scale;
        setAutoRange(false);
        setRange(0, 1);
    }

    Scale scale() {
        return scale;
    }

    /** Fits the range to the values drawn (NaN when there are none) and to a limit line (NaN for none). */
    void fit(double dataMin, double dataMax, double limit) {
        double lower;
        double upper;
        if (scale.fixedTop()) {
            upper = scale.ceiling();
            lower = 0;
            for (double floor : scale.floors()) {
                if (Double.isNaN(dataMin) || floor <= dataMin) {
                    lower = floor;
                }
            }
        } else {
            lower = Double.isNaN(dataMin) ? 0 : Math.min(0, dataMin);
            double top = Double.isNaN(dataMax) ? lower : dataMax;
            if (!Double.isNaN(limit)) {
                top = Math.max(top, limit);
            }
            upper = top + (top - lower) * HEADROOM;
            if (upper - lower < scale.format().minimumSpan()) {
                upper = lower + scale.format().minimumSpan();
            }
        }
        fittedLower = lower;
        fittedUpper = upper;
        setRange(new Range(lower, upper), false, false);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double pixels = RectangleEdge.isLeftOrRight(edge) ? dataArea.getHeight() : dataArea.getWidth();
        double spacing = Math.max(MIN_TICK_SPACING, pixels / MAX_INTERVALS);
        double[] steps = scale.format().tickSteps();
        double step = steps[steps.length - 1];
        double top = fittedUpper;
        for (double candidate : steps) {
            double candidateTop = scale.fixedTop() ? fittedUpper
                    : Math.ceil(fittedUpper / candidate - 1e-9) * candidate;
            if (pixels * candidate / (candidateTop - fittedLower) >= spacing) {
                step = candidate;
                top = candidateTop;
                break;
            }
        }
        setRange(new Range(fittedLower, top), false, false);
        setTickUnit(new NumberTickUnit(step, new TickLabels(scale.format(), step, Math.max(Math.abs(fittedLower),
                Math.abs(top)))), false, false);
    }

    /** JFreeChart asks a tick unit's NumberFormat for its labels; this one hands the job to the ValueFormat. */
    private static final class TickLabels extends NumberFormat {
        private final ValueFormat format;
        private final double step;
        private final double axisMax;

        TickLabels(ValueFormat format, double step, double axisMax) {
            this.format = format;
            this.step = step;
            this.axisMax = axisMax;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(format.label(number, step, axisMax));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are never parsed");
        }
    }
}
