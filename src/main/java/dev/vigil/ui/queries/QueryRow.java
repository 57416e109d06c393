package dev.vigil.ui.queries;

import dev.vigil.monitor.history.Series;
import dev.vigil.monitor.statements.StatementRate;
import dev.vigil.ui.common.Format;

/**
 * One query in the Queries view: its rates over the last statements interval, its text, and its recent history
 * of total execution time per second (one point per pg_stat_statements read).
 */
public record QueryRow(StatementRate rate, String text, Series trendSeries) {

    /** The history, copied when asked: only rows on screen draw a sparkline, so only they pay for a copy. */
    public Series.Points history() {
        return trendSeries.points();
    }

    /** The history's values, for the row's sparkline. */
    public double[] trend() {
        return history().values();
    }

    public long queryId() {
        return rate.queryId();
    }

    public String oneLine() {
        return Format.oneLine(text);
    }
}
