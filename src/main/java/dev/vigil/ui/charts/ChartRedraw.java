package dev.vigil.ui.charts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a chart needs drawing again: when what it shows changed (another node, another range), or when time has
 * moved by at least one pixel column. At 1 h over ~1,000 px a column is 3.6 s, so most ticks redraw nothing the
 * eye could see; at 5 min every tick does.
 */
public final class ChartRedraw {
    static final int PLOT_COLUMNS = 1_000;
    private String shown;
    private Instant drawnAt;

    public boolean due(String what, Duration range, Instant now) {
        String key = what + "|" + range;
        Duration column = range.dividedBy(PLOT_COLUMNS);
        if (!Objects.equals(key, shown) || drawnAt == null || now.isBefore(drawnAt)
                || Duration.between(drawnAt, now).compareTo(column) >= 0) {
            shown = key;
            drawnAt = now;
            return true;
        }
        return false;
    }
}
