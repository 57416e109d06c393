package dev.vigil.ui.charts;

import dev.vigil.monitor.history.Series;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.scene.paint.Color;
import javafx.scene.text.FontSmoothingType;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.labels.XYSeriesLabelGenerator;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;

/**
 * A live time chart: a JFreeChart on a {@link ChartCanvas}, built once and fed whole ticks through
 * {@link #update}, which redraws once. Lines or a stacked area; a value axis with its unit and a second one on the
 * right if asked; an optional limit line; a stable colour per series name, in the palette of the AtlantaFX theme
 * (followed by itself); "waiting for data…" until a tick brings points. Before drawing, each line is cut to its
 * lowest and highest point per pixel column of the plot (spikes survive), and a stack to its mean per column.
 * No zoom, pan or context menu. Use on the FX thread only.
 */
public final class TimeChart extends ThemedRegion {
    public enum Kind { LINE, STACKED_AREA }

    static final String WAITING = "waiting for data…";
    private static final String FONT = "SansSerif";
    private static final double PREF_WIDTH = 560;
    private static final double PREF_HEIGHT = 250;
    private static final int MIN_BUCKETS = 60;

    private final Kind kind;
    private final ScaleAxis primaryAxis;
    private final ScaleAxis secondaryAxis;
    private final TimeAxis timeAxis;
    private final ArrayDataset primaryData = new ArrayDataset();
    private final ArrayDataset secondaryData = new ArrayDataset();
    private final AbstractXYItemRenderer primaryRenderer;
    private final XYLineAndShapeRenderer secondaryRenderer;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final TextTitle title;
    private final ChartCanvas canvas;
    private final SeriesColours colours = new SeriesColours();
    private final ValueMarker limit = new ValueMarker(0);
    private boolean limitShown;

    private Map<String, Series.Points> lastPrimary = Map.of();
    private Map<String, Series.Points> lastSecondary = Map.of();
    private Instant lastEnd;
    private Duration lastRange = Duration.ofMinutes(5);
    private int lastBuckets;

    private TimeChart(Kind kind, String title, Scale primary, Scale secondary) {
        this.kind = Objects.requireNonNull(kind, "kind");
        getStyleClass().add("time-chart");
        primaryAxis = new ScaleAxis(primary);
        secondaryAxis = secondary == null ? null : new ScaleAxis(secondary);
        timeAxis = new TimeAxis(ZoneId.systemDefault());
        primaryRenderer = kind == Kind.LINE ? new Renderers.Lines() : new Renderers.Stacks();
        secondaryRenderer = new Renderers.Lines();
        plot = new XYPlot(primaryData, timeAxis, primaryAxis, primaryRenderer);
        if (secondaryAxis != null) {
            plot.setRangeAxis(1, secondaryAxis);
            plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
            plot.setDataset(1, secondaryData);
            plot.setRenderer(1, secondaryRenderer);
            plot.mapDatasetToRangeAxis(1, 1);
            primaryRenderer.setLegendItemLabelGenerator(unitSuffixWhenOnBoth(secondaryData, primary));
            secondaryRenderer.setLegendItemLabelGenerator(unitSuffixWhenOnBoth(primaryData, secondary));
        }
        this.title = new TextTitle(title, new Font(FONT, Font.BOLD, 13));
        chart = new JFreeChart(null, null, plot, true);
        canvas = new ChartCanvas(chart);
        style();
        quietCanvas();
        getChildren().add(canvas);
        themeProperty().addListener((o, was, now) -> applyTheme());
        applyTheme();
        timeAxis.setRange(System.currentTimeMillis() - lastRange.toMillis(), System.currentTimeMillis());
        showTickLabels(false);
    }

    /** "pg2 · bytes" and "pg2 · seconds" when pg2 is on both axes; a name on one axis only stays as it is. */
    private static XYSeriesLabelGenerator unitSuffixWhenOnBoth(ArrayDataset other, Scale scale) {
        return (dataset, series) -> {
            String name = String.valueOf(dataset.getSeriesKey(series));
            return other.keys().contains(name) ? name + " · " + scale.unitWord() : name;
        };
    }

    /** A line chart, one line per series. */
    public static TimeChart line(String title, Scale scale) {
        return new TimeChart(Kind.LINE, title, scale, null);
    }

    /** Lines on two value axes: {@code left} solid, {@code right} dashed, same colour for the same series name. */
    public static TimeChart line(String title, Scale left, Scale right) {
        return new TimeChart(Kind.LINE, title, left, Objects.requireNonNull(right, "right"));
    }

    /** Series stacked as areas (the wait profile): wait classes stack in a fixed order, CPU at the bottom. */
    public static TimeChart stackedArea(String title, Scale scale) {
        return new TimeChart(Kind.STACKED_AREA, title, scale, null);
    }

    /**
     * Draws a dashed horizontal line at {@code value} of the left axis, labelled "{@code label} {@code value}"
     * (e.g. "max_connections 100"), and keeps it inside the range. Redraws only if it changed.
     */
    public void setLimit(String label, double value) {
        String text = label + " " + primaryAxis.scale().format().format(value);
        if (limitShown && limit.getValue() == value && text.equals(limit.getLabel())) {
            return;
        }
        batch(() -> {
            limit.setValue(value);
            limit.setLabel(text);
            if (!limitShown) {
                plot.addRangeMarker(limit);
                limitShown = true;
            }
            fitAxes();
        });
    }

    public void clearLimit() {
        if (limitShown) {
            batch(() -> {
                plot.removeRangeMarker(limit);
                limitShown = false;
                fitAxes();
            });
        }
    }

    public Kind kind() {
        return kind;
    }

    /**
     * One tick: every series of the chart, by name (lines and legend in the map's order; a stack in wait-class
     * order), drawn for the window that ends at {@code windowEnd} and is {@code range} long. A series missing from
     * the map leaves the chart; all of them missing, or none with a point in the window, is "waiting for data…".
     */
    public void update(Map<String, Series.Points> seriesByName, Instant windowEnd, Duration range) {
        update(seriesByName, Map.of(), windowEnd, range);
    }

    /** One tick of a chart with two value axes: {@code right} goes on the right-hand axis, dashed. */
    public void update(Map<String, Series.Points> left, Map<String, Series.Points> right, Instant windowEnd,
                       Duration range) {
        lastPrimary = new LinkedHashMap<>(left);
        lastSecondary = new LinkedHashMap<>(right);
        lastEnd = Objects.requireNonNull(windowEnd, "windowEnd");
        lastRange = Objects.requireNonNull(range, "range");
        List<String> leftNames = kind == Kind.STACKED_AREA ? SeriesColours.stackOrder(left.keySet())
                : new ArrayList<>(left.keySet());
        Map<String, Series.Points> orderedLeft = new LinkedHashMap<>();
        leftNames.forEach(n -> orderedLeft.put(n, left.get(n)));
        batch(() -> redraw(orderedLeft, right, windowEnd.toEpochMilli(), range.toMillis()));
        if (Math.abs(buckets() - lastBuckets) > 0.05 * lastBuckets) {
            // The plot came out a different width (axis labels grew or shrank): cut again to the width drawn.
            batch(() -> redraw(orderedLeft, right, windowEnd.toEpochMilli(), range.toMillis()));
        }
    }

    private void redraw(Map<String, Series.Points> left, Map<String, Series.Points> right, long end, long span) {
        long from = end - span;
        timeAxis.setRange(from, end);
        lastBuckets = buckets();
        if (kind == Kind.STACKED_AREA) {
            ChartData.stack(primaryData, left, from, end, lastBuckets);
        } else {
            ChartData.lines(primaryData, left, from, end, lastBuckets);
        }
        if (secondaryAxis != null) {
            ChartData.lines(secondaryData, right, from, end, lastBuckets);
        }
        List<String> names = new ArrayList<>(left.keySet());
        right.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        Map<String, Hue> hues = colours.assign(names);
        paintSeries(primaryRenderer, primaryData, hues);
        paintSeries(secondaryRenderer, secondaryData, hues);
        fitAxes();
        showTickLabels(!waiting());
    }

    /** Before the first points, ticks would only label an arbitrary range; the message says it all. */
    private void showTickLabels(boolean show) {
        axes().forEach(a -> a.setTickLabelsVisible(show));
    }

    private void fitAxes() {
        double limitValue = limitShown ? limit.getValue() : Double.NaN;
        double from = timeAxis.getLowerBound();
        double[] left = kind == Kind.STACKED_AREA ? ChartData.stackedBounds(primaryData, from)
                : ChartData.bounds(primaryData, from);
        primaryAxis.fit(left[0], left[1], limitValue);
        if (secondaryAxis != null) {
            double[] right = ChartData.bounds(secondaryData, from);
            secondaryAxis.fit(right[0], right[1], Double.NaN);
        }
    }

    /** About one bucket per pixel column of the plot, as laid out by the last draw. */
    private int buckets() {
        double width = 0;
        if (canvas.getRenderingInfo() != null && canvas.getRenderingInfo().getPlotInfo() != null) {
            width = canvas.getRenderingInfo().getPlotInfo().getDataArea().getWidth();
        }
        if (width < 1) {
            width = getWidth() - 110;
        }
        return Math.max(MIN_BUCKETS, (int) Math.ceil(width));
    }

    /** Runs {@code change} with the chart's notifications held, then draws once. */
    private void batch(Runnable change) {
        chart.setNotify(false);
        try {
            change.run();
        } finally {
            chart.setNotify(true);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() == w && canvas.getHeight() == h) {
            return;
        }
        batch(() -> {
            canvas.setWidth(w);
            canvas.setHeight(h);
        });
        if (lastEnd != null && buckets() != lastBuckets) {
            update(lastPrimary, lastSecondary, lastEnd, lastRange);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_HEIGHT;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 240;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 150;
    }

    private void style() {
        chart.setBackgroundPaint(null);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 4, 4, 12));
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setPadding(new RectangleInsets(2, 8, 8, 0));
        chart.setTitle(title);
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        // Stacked layers are built on the one drawn before; JFreeChart's default (reverse) order breaks that.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainPannable(false);
        plot.setRangePannable(false);
        plot.setNoDataMessage(WAITING);
        plot.setNoDataMessageFont(new Font(FONT, Font.PLAIN, 13));
        plot.setInsets(new RectangleInsets(4, 0, 0, 0));
        for (ValueAxis axis : axes()) {
            axis.setLabelFont(new Font(FONT, Font.PLAIN, 11));
            axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
            axis.setTickMarksVisible(false);
            axis.setMinorTickMarksVisible(false);
            axis.setAxisLineVisible(axis == timeAxis);
            axis.setTickLabelInsets(new RectangleInsets(4, 6, 2, 6));
            axis.setLabelInsets(new RectangleInsets(2, 2, 2, 2));
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setBackgroundPaint(null);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(new Font(FONT, Font.PLAIN, 11));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        legend.setMargin(new RectangleInsets(6, 4, 0, 0));
        limit.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        limit.setLabelFont(new Font(FONT, Font.PLAIN, 11));
        limit.setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
        limit.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        limit.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        limit.setLabelOffset(new RectangleInsets(2, 6, 2, 2));
        Shape legendLine = new Line2D.Double(-7, 0, 7, 0);
        primaryRenderer.setDefaultLegendShape(new Rectangle2D.Double(-5, -5, 10, 10));
        if (primaryRenderer instanceof XYLineAndShapeRenderer lines) {
            lines.setLegendLine(legendLine);
        }
        secondaryRenderer.setLegendLine(legendLine);
    }

    /** No zoom, pan, wheel or click-to-anchor: a live chart that moves under the mouse only confuses. */
    private void quietCanvas() {
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        canvas.setTooltipEnabled(false);
        for (String id : List.of("pan", "scroll", "anchor", "tooltip")) {
            MouseHandlerFX handler = canvas.getMouseHandler(id);
            if (handler != null) {
                canvas.removeMouseHandler(handler);
                canvas.removeAuxiliaryMouseHandler(handler);
            }
        }
        // LCD text needs an opaque background; this canvas is transparent over the card behind it.
        canvas.getGraphicsContext2D().setFontSmoothingType(FontSmoothingType.GRAY);
    }

    private List<ValueAxis> axes() {
        List<ValueAxis> axes = new ArrayList<>(List.of(timeAxis, primaryAxis));
        if (secondaryAxis != null) {
            axes.add(secondaryAxis);
        }
        return axes;
    }

    private void applyTheme() {
        ChartTheme t = theme();
        batch(() -> {
            title.setPaint(awt(t.text()));
            chart.getLegend().setItemPaint(awt(t.text()));
            for (ValueAxis axis : axes()) {
                axis.setLabelPaint(awt(t.mutedText()));
                axis.setTickLabelPaint(awt(t.mutedText()));
                axis.setAxisLinePaint(awt(t.axisLine()));
            }
            plot.setDomainGridlinePaint(awt(t.grid()));
            plot.setRangeGridlinePaint(awt(t.grid()));
            plot.setNoDataMessagePaint(awt(t.mutedText()));
            Color danger = t.colour(Hue.RED);
            limit.setPaint(awt(danger.deriveColor(0, 1, 1, 0.85)));
            limit.setLabelPaint(awt(danger));
            paintSeries(primaryRenderer, primaryData, colours.assign(allNames()));
            paintSeries(secondaryRenderer, secondaryData, colours.assign(allNames()));
        });
    }

    private List<String> allNames() {
        List<String> names = new ArrayList<>(primaryData.keys());
        secondaryData.keys().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    private void paintSeries(AbstractXYItemRenderer renderer, ArrayDataset data, Map<String, Hue> hues) {
        boolean dashed = renderer == secondaryRenderer;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            Color c = theme().colour(hues.getOrDefault(data.keys().get(s), Hue.GREY));
            if (kind == Kind.STACKED_AREA && renderer == primaryRenderer) {
                renderer.setSeriesPaint(s, awt(c.deriveColor(0, 1, 1, 0.85)), false);
            } else {
                renderer.setSeriesPaint(s, awt(c), false);
            }
            renderer.setSeriesStroke(s, dashed ? Renderers.DASHED : Renderers.SOLID, false);
        }
    }

    static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }

    // For tests in this package.
    JFreeChart chart() {
        return chart;
    }

    ChartCanvas canvas() {
        return canvas;
    }

    ArrayDataset primaryData() {
        return primaryData;
    }

    ArrayDataset secondaryData() {
        return secondaryData;
    }

    boolean waiting() {
        return allSeriesEmpty(primaryData) && allSeriesEmpty(secondaryData);
    }

    private static boolean allSeriesEmpty(XYDataset data) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getItemCount(s) > 0) {
                return false;
            }
        }
        return true;
    }
}
