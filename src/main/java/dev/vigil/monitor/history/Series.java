package dev.vigil.monitor.history;

import java.util.Arrays;

/**
 * A bounded time series: the newest {@code capacity} points, oldest overwritten. Primitive arrays, so an hour at
 * one point per second is 56 KiB whatever happens, and a copy for a chart is two array copies.
 */
public final class Series {
    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    public Series(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.times = new long[capacity];
        this.values = new double[capacity];
    }

    /** An immutable copy, oldest first; times are epoch milliseconds. */
    public record Points(long[] times, double[] values) {
        public int size() {
            return times.length;
        }
    }

    public synchronized void add(long epochMillis, double value) {
        int end = (start + size) % times.length;
        times[end] = epochMillis;
        values[end] = value;
        if (size < times.length) {
            size++;
        } else {
            start = (start + 1) % times.length;
        }
    }

    public synchronized Points points() {
        long[] t = new long[size];
        double[] v = new double[size];
        int firstPart = Math.min(size, times.length - start);
        System.arraycopy(times, start, t, 0, firstPart);
        System.arraycopy(values, start, v, 0, firstPart);
        System.arraycopy(times, 0, t, firstPart, size - firstPart);
        System.arraycopy(values, 0, v, firstPart, size - firstPart);
        return new Points(t, v);
    }

    /** The points at or after {@code fromEpochMillis} plus the one before (so a line enters the window): a chart's window. */
    public synchronized Points pointsSince(long fromEpochMillis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[(start + mid) % times.length] < fromEpochMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int first = Math.max(0, lo - 1);
        int n = size - first;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int at = (start + first + i) % times.length;
            t[i] = times[at];
            v[i] = values[at];
        }
        return new Points(t, v);
    }

    public synchronized int size() {
        return size;
    }

    public int capacity() {
        return times.length;
    }

    /** Heap held by the two arrays (the object headers aside). */
    public long retainedBytes() {
        return 16L * times.length;
    }

    @Override
    public String toString() {
        Points p = points();
        return "Series" + Arrays.toString(Arrays.copyOf(p.values(), Math.min(5, p.size()))) + "...(" + size + ")";
    }
}
