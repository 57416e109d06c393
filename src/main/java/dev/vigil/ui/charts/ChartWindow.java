package dev.vigil.ui.charts;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a chart's time window starts. Every chart cuts the history the same way, so the views share this one
 * definition instead of each writing the subtraction.
 */
public final class ChartWindow {
    private ChartWindow() {}

    /** The epoch milliseconds {@code range} before {@code end}: the {@code since} that {@link ChartSeries} takes. */
    public static long since(Instant end, Duration range) {
        return end.minus(range).toEpochMilli();
    }
}
