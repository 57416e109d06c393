package dev.vigil.ui.charts;

import dev.vigil.monitor.history.Series;
import java.util.Arrays;

/**
 * Cuts a series down to what a plot can show: per time bucket (about one pixel column) the lowest and the highest
 * point, in time order, so a one-second spike in an hour survives on a 600-pixel chart. Buckets are aligned to the
 * epoch, not to the window, so a sliding window keeps the same picture of the past from one tick to the next.
 */
public final class Downsampler {
    private Downsampler() {}

    /**
     * The points of {@code points} in the window {@code [from, to]} (epoch milliseconds), at most two per bucket, plus
     * the last point before the window so a line enters from the left edge, and always the newest point, which is
     * the value a reader takes for "now". Unchanged when there are no more than two points per bucket anyway.
     */
    public static Series.Points minMax(Series.Points points, long from, long to, int buckets) {
        int[] keep = minMaxIndexes(points.times(), points.values(), from, to, buckets);
        long[] t = new long[keep.length];
        double[] v = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            t[i] = points.times()[keep[i]];
            v[i] = points.values()[keep[i]];
        }
        return new Series.Points(t, v);
    }

    /**
     * The indexes {@link #minMax} keeps, ascending: for the stacked chart, which picks whole stacks by their total.
     * {@code times} must be ascending. NaN never wins a bucket unless the whole bucket is NaN.
     */
    public static int[] minMaxIndexes(long[] times, double[] values, long from, long to, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be positive: " + buckets);
        }
        int lo = firstAtOrAfter(times, from);
        int hi = firstAfter(times, to);
        int lead = lo > 0 ? 1 : 0;
        int inWindow = Math.max(0, hi - lo);
        if (inWindow <= 2L * buckets) {
            int[] all = new int[lead + inWindow];
            for (int i = 0; i < all.length; i++) {
                all[i] = lo - lead + i;
            }
            return all;
        }
        long width = Math.max(1, ceilDiv(to - from, buckets));
        int[] out = new int[lead + 2 * (buckets + 1) + 1];
        int n = 0;
        if (lead == 1) {
            out[n++] = lo - 1;
        }
        long bucket = Math.floorDiv(times[lo], width);
        int min = lo;
        int max = lo;
        for (int i = lo + 1; i < hi; i++) {
            long b = Math.floorDiv(times[i], width);
            if (b != bucket) {
                n = emit(out, n, min, max);
                bucket = b;
                min = i;
                max = i;
            } else {
                if (less(values[i], values[min])) {
                    min = i;
                }
                if (less(values[max], values[i])) {
                    max = i;
                }
            }
        }
        n = emit(out, n, min, max);
        if (out[n - 1] != hi - 1) {
            out[n++] = hi - 1;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Inserts a NaN point (which a line renderer draws as a break) between neighbours more than {@code maxGapMillis}
     * apart: a node that was down shows as a hole, not as a straight line across the outage.
     */
    public static Series.Points breakGaps(Series.Points points, long maxGapMillis) {
        long[] t = points.times();
        int gaps = 0;
        for (int i = 1; i < t.length; i++) {
            if (t[i] - t[i - 1] > maxGapMillis) {
                gaps++;
            }
        }
        if (gaps == 0) {
            return points;
        }
        long[] times = new long[t.length + gaps];
        double[] values = new double[t.length + gaps];
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (i > 0 && t[i] - t[i - 1] > maxGapMillis) {
                times[n] = t[i - 1] + (t[i] - t[i - 1]) / 2;
                values[n++] = Double.NaN;
            }
            times[n] = t[i];
            values[n++] = points.values()[i];
        }
        return new Series.Points(times, values);
    }

    private static int emit(int[] out, int n, int min, int max) {
        out[n++] = Math.min(min, max);
        if (min != max) {
            out[n++] = Math.max(min, max);
        }
        return n;
    }

    private static boolean less(double a, double b) {
        return Double.isNaN(b) ? !Double.isNaN(a) : a < b;
    }

    static int firstAtOrAfter(long[] times, long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int firstAfter(long[] times, long t) {
        return t == Long.MAX_VALUE ? times.length : firstAtOrAfter(times, t + 1);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
