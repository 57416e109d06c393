package dev.vigil.bench.ui;

import java.util.Arrays;
import java.util.List;

/** The few statistics the bench prints: nearest-rank percentiles and a least-squares slope. */
final class Stats {
    private Stats() {}

    /** The value at or below which {@code percent} of the values lie (nearest rank); NaN for none. */
    static double percentile(long[] values, double percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    static double max(long[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).max().getAsLong();
    }

    /** Slope of the least-squares line through the points (x, y); NaN for fewer than two distinct x. */
    static double slope(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }
}
