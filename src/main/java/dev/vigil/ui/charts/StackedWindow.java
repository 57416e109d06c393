package dev.vigil.ui.charts;

import dev.vigil.monitor.history.Series;
import java.util.Arrays;
import java.util.List;

/**
 * The layers of a stacked chart on one shared time axis, cut to a window and down to one stack per pixel column.
 * A layer with no point at some instant counts zero there (a wait class nobody was in). Each column shows the
 * layers' means over its bucket: the average active sessions of active-session-history tools. Minimum and maximum
 * stacks, as the line charts keep, would alternate column by column into a comb in which a thin top layer's edge
 * hides the layers below; a sustained pile-up keeps its full height in the mean, a one-second one shows diluted.
 *
 * @param times shared instants, ascending, epoch milliseconds
 * @param layers {@code layers[layer][i]} is that layer's value at {@code times[i]}
 */
record StackedWindow(long[] times, double[][] layers) {

    static StackedWindow of(List<Series.Points> layers, long from, long to, int buckets) {
        long[] times = sharedTimes(layers, from, to);
        double[][] values = new double[layers.size()][times.length];
        for (int l = 0; l < layers.size(); l++) {
            Series.Points p = layers.get(l);
            int j = Downsampler.firstAtOrAfter(p.times(), times.length == 0 ? from : times[0]);
            for (int i = 0; i < times.length && j < p.size(); i++) {
                if (p.times()[j] == times[i]) {
                    values[l][i] = p.values()[j++];
                }
            }
        }
        if (times.length <= buckets) {
            return new StackedWindow(times, values);
        }
        return bucketMeans(times, values, Math.max(1, -Math.floorDiv(-(to - from), buckets)));
    }

    /** Means per epoch-aligned bucket of {@code width} ms, each at the mean instant of the points it holds. */
    private static StackedWindow bucketMeans(long[] times, double[][] values, long width) {
        int layers = values.length;
        long[] outTimes = new long[times.length];
        double[][] out = new double[layers][times.length];
        int n = 0;
        int first = 0;
        for (int i = 1; i <= times.length; i++) {
            if (i == times.length || Math.floorDiv(times[i], width) != Math.floorDiv(times[first], width)) {
                int count = i - first;
                long timeSum = 0;
                for (int k = first; k < i; k++) {
                    timeSum += times[k] - times[first];
                }
                outTimes[n] = times[first] + timeSum / count;
                for (int l = 0; l < layers; l++) {
                    double sum = 0;
                    for (int k = first; k < i; k++) {
                        sum += values[l][k];
                    }
                    out[l][n] = sum / count;
                }
                n++;
                first = i;
            }
        }
        double[][] trimmed = new double[layers][];
        for (int l = 0; l < layers; l++) {
            trimmed[l] = Arrays.copyOf(out[l], n);
        }
        return new StackedWindow(Arrays.copyOf(outTimes, n), trimmed);
    }

    /** The union of the layers' instants from the last one before {@code from} up to {@code to}. */
    private static long[] sharedTimes(List<Series.Points> layers, long from, long to) {
        long lead = Long.MIN_VALUE;
        int[] next = new int[layers.size()];
        int[] end = new int[layers.size()];
        int upper = 0;
        for (int l = 0; l < layers.size(); l++) {
            long[] t = layers.get(l).times();
            next[l] = Downsampler.firstAtOrAfter(t, from);
            end[l] = Downsampler.firstAfter(t, to);
            if (next[l] > 0) {
                lead = Math.max(lead, t[next[l] - 1]);
            }
            upper += Math.max(0, end[l] - next[l]);
        }
        long[] out = new long[upper + 1];
        int n = 0;
        if (lead != Long.MIN_VALUE) {
            out[n++] = lead;
        }
        while (true) {
            long smallest = Long.MAX_VALUE;
            for (int l = 0; l < layers.size(); l++) {
                if (next[l] < end[l]) {
                    smallest = Math.min(smallest, layers.get(l).times()[next[l]]);
                }
            }
            if (smallest == Long.MAX_VALUE) {
                return Arrays.copyOf(out, n);
            }
            out[n++] = smallest;
            for (int l = 0; l < layers.size(); l++) {
                if (next[l] < end[l] && layers.get(l).times()[next[l]] == smallest) {
                    next[l]++;
                }
            }
        }
    }
}
