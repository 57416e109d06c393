package dev.vigil.ui.shell;

import dev.vigil.ui.common.ConsoleView;
import java.time.Duration;
import java.util.Properties;

/**
 * The window's layout as remembered between runs: where and how big, the tree's width, the view showing, the
 * theme and the chart range. Parsed leniently: a value that does not read keeps its default.
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, double divider,
                          ConsoleView view, boolean dark, Duration chartRange) {

    public static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 1360, 860, false, 0.22,
            ConsoleView.OVERVIEW, true, MainViewModel.CHART_RANGES.get(0));

    public WindowState withView(ConsoleView v) {
        return new WindowState(x, y, width, height, maximized, divider, v, dark, chartRange);
    }

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    public Properties toProperties() {
        Properties p = new Properties();
        if (hasPosition()) {
            p.setProperty("x", Double.toString(x));
            p.setProperty("y", Double.toString(y));
        }
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        p.setProperty("divider", Double.toString(divider));
        p.setProperty("view", view.name());
        p.setProperty("theme", dark ? "dark" : "light");
        p.setProperty("chartRangeMinutes", Long.toString(chartRange.toMinutes()));
        return p;
    }

    public static WindowState from(Properties p) {
        WindowState d = DEFAULT;
        double width = number(p, "width", d.width, 640, 10_000);
        double height = number(p, "height", d.height, 480, 10_000);
        ConsoleView view = d.view;
        try {
            view = ConsoleView.valueOf(p.getProperty("view", d.view.name()));
        } catch (IllegalArgumentException unknown) {
            // a view renamed or removed since: start on the default
        }
        Duration range = MainViewModel.CHART_RANGES.stream()
                .filter(r -> Long.toString(r.toMinutes()).equals(p.getProperty("chartRangeMinutes")))
                .findFirst().orElse(d.chartRange);
        return new WindowState(number(p, "x", Double.NaN, -20_000, 20_000), number(p, "y", Double.NaN, -20_000, 20_000),
                width, height, Boolean.parseBoolean(p.getProperty("maximized", "false")),
                number(p, "divider", d.divider, 0.1, 0.6), view, !"light".equals(p.getProperty("theme")), range);
    }

    private static double number(Properties p, String key, double fallback, double min, double max) {
        try {
            double v = Double.parseDouble(p.getProperty(key, ""));
            return v >= min && v <= max ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
