package dev.vigil.ui.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The time axis: ticks on whole clock steps, labelled HH:mm:ss while ticks are less than a minute apart and HH:mm
 * from there, and always far enough apart that labels never touch (JFreeChart's own choice leaves them nearly
 * touching).
 */
final class TimeAxis extends DateAxis {
    private static final int[][] STEPS = {
        {1, 1}, {1, 2}, {1, 5}, {1, 10}, {1, 15}, {1, 30},
        {60, 1}, {60, 2}, {60, 5}, {60, 10}, {60, 15}, {60, 30},
        {3600, 1}, {3600, 2}, {3600, 3}, {3600, 6}, {3600, 12}, {86400, 1}
    };
    private static final double SECONDS_LABEL_SPACING = 86;
    private static final double MINUTES_LABEL_SPACING = 64;
    private final TimeZone zone;

    TimeAxis(ZoneId zone) {
        super("time");
        this.zone = TimeZone.getTimeZone(zone);
        setTimeZone(this.zone);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double span = getRange().getLength();
        double pixels = RectangleEdge.isTopOrBottom(edge) ? dataArea.getWidth() : dataArea.getHeight();
        int[] chosen = STEPS[STEPS.length - 1];
        for (int[] step : STEPS) {
            double stepMillis = 1000.0 * step[0] * step[1];
            double needed = step[0] < 60 ? SECONDS_LABEL_SPACING : MINUTES_LABEL_SPACING;
            if (pixels * stepMillis / span >= needed) {
                chosen = step;
                break;
            }
        }
        setTickUnit(unit(chosen), false, false);
    }

    private DateTickUnit unit(int[] step) {
        DateTickUnitType type = switch (step[0]) {
            case 1 -> DateTickUnitType.SECOND;
            case 60 -> DateTickUnitType.MINUTE;
            case 3600 -> DateTickUnitType.HOUR;
            default -> DateTickUnitType.DAY;
        };
        SimpleDateFormat format = new SimpleDateFormat(step[0] < 60 ? "HH:mm:ss" : "HH:mm", Locale.ROOT);
        format.setTimeZone(zone);
        return new DateTickUnit(type, step[1], format);
    }
}
