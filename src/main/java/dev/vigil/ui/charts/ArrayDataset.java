package dev.vigil.ui.charts;

import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.TableXYDataset;

/**
 * The numbers a chart draws, as plain arrays swapped in whole once per tick: one dataset for the life of the
 * chart, no item objects, one change event per update. For the stacked chart every series shares one x array, which
 * is what {@link TableXYDataset} promises.
 */
final class ArrayDataset extends AbstractXYDataset implements TableXYDataset {
    private List<String> keys = List.of();
    private double[][] xs = new double[0][];
    private double[][] ys = new double[0][];

    /** Replaces every series; fires one change (which a chart with notification off holds back). */
    void set(List<String> keys, double[][] xs, double[][] ys) {
        this.keys = List.copyOf(keys);
        this.xs = xs;
        this.ys = ys;
        fireDatasetChanged();
    }

    List<String> keys() {
        return keys;
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public int getItemCount(int series) {
        return xs[series].length;
    }

    @Override
    public int getItemCount() {
        return xs.length == 0 ? 0 : xs[0].length;
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public Number getX(int series, int item) {
        return xs[series][item];
    }

    @Override
    public double getXValue(int series, int item) {
        return xs[series][item];
    }

    @Override
    public Number getY(int series, int item) {
        return ys[series][item];
    }

    @Override
    public double getYValue(int series, int item) {
        return ys[series][item];
    }
}
