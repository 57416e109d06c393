package dev.vigil.ui.charts;

import dev.vigil.monitor.history.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One tick's series cut to the window and the plot width, into a chart's dataset; and the range they need. */
final class ChartData {
    private ChartData() {}

    /** Lines: min and max per pixel column, the newest point always, outages as breaks. */
    static void lines(ArrayDataset dataset, Map<String, Series.Points> series, long from, long to, int buckets) {
        List<String> keys = new ArrayList<>(series.keySet());
        double[][] xs = new double[keys.size()][];
        double[][] ys = new double[keys.size()][];
        for (int s = 0; s < keys.size(); s++) {
            Series.Points raw = series.get(keys.get(s));
            Series.Points kept = Downsampler.minMax(raw, from, to, buckets);
            kept = Downsampler.breakGaps(kept, maxGap(raw, from, to, buckets));
            xs[s] = asDoubles(kept.times());
            ys[s] = kept.values();
        }
        dataset.set(keys, xs, ys);
    }

    /** Stacked layers, in the order of {@code layers}, on one shared time axis. */
    static void stack(ArrayDataset dataset, Map<String, Series.Points> layers, long from, long to, int buckets) {
        StackedWindow window = StackedWindow.of(new ArrayList<>(layers.values()), from, to, buckets);
        double[][] xs = new double[window.layers().length][];
        Arrays.fill(xs, asDoubles(window.times()));
        dataset.set(new ArrayList<>(layers.keySet()), xs, window.layers());
    }

    /** Lowest and highest value at or after {@code from} (NaN, NaN for none). */
    static double[] bounds(ArrayDataset data, double from) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double y = data.getYValue(s, i);
                if (!Double.isNaN(y) && data.getXValue(s, i) >= from) {
                    min = Double.isNaN(min) ? y : Math.min(min, y);
                    max = Double.isNaN(max) ? y : Math.max(max, y);
                }
            }
        }
        return new double[] {min, max};
    }

    /** Lowest and highest stack total at or after {@code from}. */
    static double[] stackedBounds(ArrayDataset data, double from) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (int i = 0; i < data.getItemCount(); i++) {
            if (data.getXValue(0, i) >= from) {
                double total = 0;
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    total += data.getYValue(s, i);
                }
                min = Double.isNaN(min) ? total : Math.min(min, total);
                max = Double.isNaN(max) ? total : Math.max(max, total);
            }
        }
        return new double[] {min, max};
    }

    /** Longer than a few samples and a few pixel columns without a point is an outage, drawn as a break. */
    private static long maxGap(Series.Points raw, long from, long to, int buckets) {
        int lo = Downsampler.firstAtOrAfter(raw.times(), from);
        int hi = Downsampler.firstAfter(raw.times(), to);
        long meanStep = hi - lo > 1 ? (raw.times()[hi - 1] - raw.times()[lo]) / (hi - lo - 1) : to - from;
        long bucket = Math.max(1, (to - from) / buckets);
        return 3 * Math.max(meanStep, bucket) + 1;
    }

    private static double[] asDoubles(long[] times) {
        double[] out = new double[times.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = times[i];
        }
        return out;
    }
}
