package dev.vigil.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.common.Themes;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Overview's five charts on an hour of realistic history, headless, in a grid as the Overview lays them out, on
 * both themes. Saves PNGs under target/snapshots for a person to look at, and checks what can be checked: every
 * series cut to about the plot width with the spikes kept, labels far enough apart, one redraw per tick, colours
 * following the theme.
 */
@ExtendWith({ApplicationExtension.class, Themes.DarkAgain.class})
class OverviewChartsTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Themes.dark();
    }

    @Test
    void anHourOfHistoryKeepsItsEpisodesAndReadsOnBothThemes(FxRobot robot) throws Exception {
        SyntheticHistory history = new SyntheticHistory();
        OverviewGrid grid = show(robot);
        robot.interact(() -> grid.update(history, history.end(), HOUR));
        WaitForAsyncUtils.waitForFxEvents();
        Path dark = Snapshots.save(stage.getScene(), "charts-overview-1h-dark");

        for (TimeChart chart : grid.charts()) {
            assertThat(chart.waiting()).isFalse();
            assertReadable(chart);
        }
        assertThat(max(grid.tps.primaryData(), "commit")).as("the batch-job spike").isEqualTo(
                SyntheticHistory.COMMIT_SPIKE);
        assertThat(max(grid.waits.primaryData(), "Lock")).as("the lock pile-up")
                .isGreaterThan(0.9 * SyntheticHistory.LOCK_PEAK);
        assertThat(grid.waits.primaryData().keys()).startsWith("CPU").contains("Lock");
        assertThat(seriesPaint(grid.waits, "Lock")).isEqualTo(rgb(ChartTheme.PRIMER_DARK.colour(Hue.RED)));
        assertThat(seriesPaint(grid.waits, "CPU")).isEqualTo(rgb(ChartTheme.PRIMER_DARK.colour(Hue.GREEN)));
        ValueMarker limit = (ValueMarker) plot(grid.sessions).getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                .iterator().next();
        assertThat(limit.getLabel()).isEqualTo("max_connections 100");
        assertThat(plot(grid.sessions).getRangeAxis().getUpperBound()).isGreaterThan(100);
        assertThat(plot(grid.hitRatio).getRangeAxis().getRange().getLowerBound()).isEqualTo(0.9);
        assertThat(plot(grid.hitRatio).getRangeAxis().getRange().getUpperBound()).isEqualTo(1.0);
        NumberAxis bytes = (NumberAxis) plot(grid.lag).getRangeAxis(0);
        assertThat(bytes.getUpperBound()).isGreaterThanOrEqualTo(SyntheticHistory.PG3_PEAK_BYTES);
        double step = bytes.getTickUnit().getSize();
        assertThat(Long.bitCount((long) step)).as("a power-of-two byte step, not %s", step).isEqualTo(1);
        assertThat(bytes.getTickUnit().valueToString(1024.0 * 1024 * 1024)).isEqualTo("1 GiB");
        assertThat(grid.lag.secondaryData().keys()).containsExactly("pg2", "pg3");
        assertThat(legendLabels(grid.lag)).containsExactly("pg2 · bytes", "pg3 · bytes", "pg2 · seconds",
                "pg3 · seconds");
        assertThat(countNaN(grid.lag.primaryData(), "pg2")).as("pg2's restart is a break in its line").isOne();

        robot.interact(Themes::light);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> grid.charts().stream().allMatch(c -> c.theme() == ChartTheme.PRIMER_LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        Path light = Snapshots.save(stage.getScene(), "charts-overview-1h-light");
        assertThat(seriesPaint(grid.waits, "Lock")).isEqualTo(rgb(ChartTheme.PRIMER_LIGHT.colour(Hue.RED)));
        assertThat(Files.size(dark)).isGreaterThan(50_000);
        assertThat(Files.size(light)).isGreaterThan(50_000);
    }

    @Test
    void fiveMinutesShowOnlyTheirWindowWithSecondsOnTheWideChart(FxRobot robot) throws Exception {
        SyntheticHistory history = new SyntheticHistory();
        OverviewGrid grid = show(robot);
        robot.interact(() -> grid.update(history, history.end(), FIVE_MINUTES));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), "charts-overview-5min-dark");

        long from = history.end().minus(FIVE_MINUTES).toEpochMilli();
        for (TimeChart chart : grid.charts()) {
            assertReadable(chart);
            ArrayDataset data = chart.primaryData();
            for (int s = 0; s < data.getSeriesCount(); s++) {
                assertThat(data.getXValue(s, 0)).as("one lead-in second at most").isGreaterThanOrEqualTo(from - 1000);
                assertThat(data.getXValue(s, data.getItemCount(s) - 1)).isEqualTo(history.end().toEpochMilli());
            }
        }
        assertThat(((DateAxis) plot(grid.waits).getDomainAxis()).getTickUnit().getSize()).isLessThan(60_000);
        robot.interact(Themes::light);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> grid.tps.theme() == ChartTheme.PRIMER_LIGHT);
        Snapshots.save(stage.getScene(), "charts-overview-5min-light");
    }

    @Test
    void saysItIsWaitingUntilTheFirstPointsArrive(FxRobot robot) throws Exception {
        OverviewGrid grid = show(robot);
        Snapshots.save(stage.getScene(), "charts-overview-waiting-dark");
        for (TimeChart chart : grid.charts()) {
            assertThat(chart.waiting()).isTrue();
            assertThat(plot(chart).getNoDataMessage()).isEqualTo("waiting for data…");
            assertThat(plot(chart).getRangeAxis().isTickLabelsVisible()).isFalse();
        }
        SyntheticHistory history = new SyntheticHistory();
        robot.interact(() -> grid.tps.update(Map.of(), history.end(), HOUR));
        assertThat(grid.tps.waiting()).isTrue();
        robot.interact(() -> grid.tps.update(SyntheticHistory.points(history.tps), history.end(), HOUR));
        assertThat(grid.tps.waiting()).isFalse();
        assertThat(plot(grid.tps).getRangeAxis().isTickLabelsVisible()).isTrue();
    }

    @Test
    void replicationAndStatementChartsStayReadableInNarrowCards(FxRobot robot) throws Exception {
        SyntheticHistory history = new SyntheticHistory();
        java.util.Map<String, dev.vigil.monitor.history.Series.Points> pg3 = new java.util.LinkedHashMap<>();
        dev.vigil.monitor.history.Series.Points replay = history.lagSeconds.get("pg3").points();
        pg3.put("write", scaled(replay, 0.02));
        pg3.put("flush", scaled(replay, 0.05));
        pg3.put("replay", replay);
        TimeChart standby = TimeChart.line("pg3 lag", Scale.of("lag (time)", ValueFormat.SECONDS));
        TimeChart statement = TimeChart.line("SELECT … FROM orders WHERE customer_id = $1",
                Scale.of("calls/s", ValueFormat.PLAIN), Scale.of("mean time", ValueFormat.SECONDS));
        TimeChart hit = TimeChart.line("Cache hit ratio",
                Scale.of("hit ratio", ValueFormat.PERCENT).nearCeiling(1.0, 0, 0.5, 0.8, 0.9));
        TimeChart waits = TimeChart.stackedArea("Wait profile", Scale.of("active sessions", ValueFormat.PLAIN));
        TimeChart tps = TimeChart.line("Transactions", Scale.of("transactions/s", ValueFormat.PLAIN));
        TimeChart lag = TimeChart.line("Replication lag", Scale.of("replay lag (bytes)", ValueFormat.BYTES));
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new javafx.geometry.Insets(10));
        grid.setStyle("-fx-background-color: -color-bg-default;");
        List<TimeChart> charts = List.of(standby, statement, hit, waits, tps, lag);
        for (int i = 0; i < charts.size(); i++) {
            javafx.scene.layout.StackPane card = new javafx.scene.layout.StackPane(charts.get(i));
            card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 8; "
                    + "-fx-border-color: -color-border-default; -fx-border-radius: 8;");
            card.setPrefSize(410, 380);
            grid.add(card, i % 3, i / 3);
        }
        robot.interact(() -> {
            stage.setScene(new Scene(grid, 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Map<String, dev.vigil.monitor.history.Series.Points> calls = java.util.Map.of("calls",
                scaled(history.tps.get("commit").points(), 0.3));
        java.util.Map<String, dev.vigil.monitor.history.Series.Points> meanTime = java.util.Map.of("mean time",
                scaled(history.sessions.get("active").points(), 0.004));
        robot.interact(() -> {
            standby.update(pg3, history.end(), HOUR);
            statement.update(calls, meanTime, history.end(), HOUR);
            hit.update(Map.of("hit ratio", history.hitRatio.points()), history.end(), Duration.ofMinutes(30));
            waits.update(SyntheticHistory.points(history.waits), history.end(), Duration.ofMinutes(15));
            tps.update(SyntheticHistory.points(history.tps), history.end(), FIVE_MINUTES);
            lag.update(SyntheticHistory.points(history.lagBytes), history.end(), Duration.ofMinutes(10));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), "charts-narrow-dark");
        charts.forEach(OverviewChartsTest::assertReadable);
        assertThat(standby.primaryData().keys()).containsExactly("write", "flush", "replay");
        assertThat(legendLabels(statement)).containsExactly("calls", "mean time");
        robot.interact(Themes::light);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tps.theme() == ChartTheme.PRIMER_LIGHT);
        Snapshots.save(stage.getScene(), "charts-narrow-light");
    }

    private static dev.vigil.monitor.history.Series.Points scaled(dev.vigil.monitor.history.Series.Points p, double factor) {
        double[] v = p.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new dev.vigil.monitor.history.Series.Points(p.times(), v);
    }

    @Test
    void oneTickOfTheFiveChartsIsOneRedrawEach(FxRobot robot) throws Exception {
        SyntheticHistory history = new SyntheticHistory();
        OverviewGrid grid = show(robot);
        robot.interact(() -> grid.update(history, history.end(), HOUR));
        List<AtomicInteger> redraws = new ArrayList<>();
        robot.interact(() -> grid.charts().forEach(c -> {
            AtomicInteger n = new AtomicInteger();
            c.chart().addChangeListener(e -> n.incrementAndGet());
            redraws.add(n);
        }));

        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int tick = 0; tick < 55; tick++) {
            history.tick(); // the copies a view-model would take off the FX thread
            Map<String, dev.vigil.monitor.history.Series.Points> tps = SyntheticHistory.points(history.tps);
            Map<String, dev.vigil.monitor.history.Series.Points> sessions = SyntheticHistory.points(history.sessions);
            Map<String, dev.vigil.monitor.history.Series.Points> waits = SyntheticHistory.points(history.waits);
            Map<String, dev.vigil.monitor.history.Series.Points> hit = Map.of("hit ratio", history.hitRatio.points());
            Map<String, dev.vigil.monitor.history.Series.Points> bytes = SyntheticHistory.points(history.lagBytes);
            Map<String, dev.vigil.monitor.history.Series.Points> secs = SyntheticHistory.points(history.lagSeconds);
            java.time.Instant end = history.end();
            long[] took = WaitForAsyncUtils.asyncFx(() -> {
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                grid.tps.update(tps, end, HOUR);
                grid.sessions.setLimit("max_connections", 100);
                grid.sessions.update(sessions, end, HOUR);
                grid.waits.update(waits, end, HOUR);
                grid.hitRatio.update(hit, end, HOUR);
                grid.lag.update(bytes, secs, end, HOUR);
                return new long[] {System.nanoTime() - t0, threads.getCurrentThreadCpuTime() - cpu0};
            }).get(10, TimeUnit.SECONDS);
            if (tick >= 5) {
                wall.add(took[0]);
                cpu.add(took[1]);
            }
        }
        assertThat(redraws).allSatisfy(n -> assertThat(n.get()).isEqualTo(55));
        Collections.sort(wall);
        Collections.sort(cpu);
        System.out.printf("TimeChart: one update of the five Overview charts with 1 h of 1 s points (%d points), "
                        + "on the FX thread over %d ticks: median %.1f ms wall (min %.1f, max %.1f), "
                        + "median %.1f ms CPU (min %.1f, max %.1f)%n", totalPoints(history), wall.size(),
                wall.get(wall.size() / 2) / 1e6, wall.get(0) / 1e6, wall.get(wall.size() - 1) / 1e6,
                cpu.get(cpu.size() / 2) / 1e6, cpu.get(0) / 1e6, cpu.get(cpu.size() - 1) / 1e6);
    }

    private OverviewGrid show(FxRobot robot) {
        OverviewGrid grid = new OverviewGrid();
        robot.interact(() -> {
            stage.setScene(new Scene(grid, 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return grid;
    }

    /** Every series cut to about the plot width, and time ticks far enough apart for their labels. */
    private static void assertReadable(TimeChart chart) {
        Rectangle2D area = chart.canvas().getRenderingInfo().getPlotInfo().getDataArea();
        assertThat(area.getWidth()).isGreaterThan(200);
        for (ArrayDataset data : List.of(chart.primaryData(), chart.secondaryData())) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                assertThat(data.getItemCount(s)).as("%s points", data.getSeriesKey(s))
                        .isLessThanOrEqualTo((int) (2 * area.getWidth()) + 8);
            }
        }
        DateAxis time = (DateAxis) plot(chart).getDomainAxis();
        double tickPixels = area.getWidth() * time.getTickUnit().getSize() / time.getRange().getLength();
        assertThat(tickPixels).isGreaterThanOrEqualTo(64);
        assertThat(time.getLabel()).isEqualTo("time");
        NumberAxis value = (NumberAxis) plot(chart).getRangeAxis();
        assertThat(value.getLabel()).isNotBlank();
        double valuePixels = area.getHeight() * value.getTickUnit().getSize() / value.getRange().getLength();
        assertThat(valuePixels).isGreaterThanOrEqualTo(ScaleAxis.MIN_TICK_SPACING - 0.5);
        assertThat(value.getRange().getLength() / value.getTickUnit().getSize())
                .isLessThanOrEqualTo(ScaleAxis.MAX_INTERVALS + 0.01);
    }

    private static List<String> legendLabels(TimeChart chart) {
        List<String> labels = new ArrayList<>();
        org.jfree.chart.LegendItemCollection items = plot(chart).getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    private static XYPlot plot(TimeChart chart) {
        return chart.chart().getXYPlot();
    }

    private static Paint seriesPaint(TimeChart chart, String name) {
        int s = chart.primaryData().keys().indexOf(name);
        java.awt.Color c = (java.awt.Color) plot(chart).getRenderer().getSeriesPaint(s);
        return new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue());
    }

    private static Paint rgb(javafx.scene.paint.Color c) {
        java.awt.Color awt = TimeChart.awt(c);
        return new java.awt.Color(awt.getRed(), awt.getGreen(), awt.getBlue());
    }

    private static double max(ArrayDataset data, String name) {
        int s = data.keys().indexOf(name);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.getItemCount(s); i++) {
            max = Math.max(max, data.getYValue(s, i));
        }
        return max;
    }

    private static long countNaN(ArrayDataset data, String name) {
        int s = data.keys().indexOf(name);
        return java.util.stream.IntStream.range(0, data.getItemCount(s))
                .filter(i -> Double.isNaN(data.getYValue(s, i))).count();
    }

    private static int totalPoints(SyntheticHistory h) {
        return java.util.stream.Stream.of(h.tps, h.sessions, h.waits, h.lagBytes, h.lagSeconds)
                .flatMap(m -> m.values().stream()).mapToInt(dev.vigil.monitor.history.Series::size).sum()
                + h.hitRatio.size();
    }
}
