package dev.vigil.ui.charts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;

/**
 * A word-sized line for a table cell: the shape of a series from zero (or its lowest value, if negative) to its
 * highest, with a light fill under it and the last value marked by a dot. No axes: the number beside it says how
 * much; this says which way it went.
 */
public final class Sparkline extends ThemedRegion {
    private static final double PAD = 2.5;
    private static final double DOT = 2.2;
    private final Canvas canvas = new Canvas();
    private double[] values = new double[0];

    public Sparkline() {
        getStyleClass().add("sparkline");
        getChildren().add(canvas);
        themeProperty().addListener(o -> draw());
    }

    /** The values to draw, oldest first; the array is read, never kept changing behind the cell's back. */
    public void setValues(double[] values) {
        this.values = values == null ? new double[0] : values.clone();
        draw();
    }

    double[] values() {
        return values.clone();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 80;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 20;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 24;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 10;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double[] v = visible((int) Math.max(1, w - 2 * PAD - DOT));
        if (v.length == 0 || w <= 2 * PAD + DOT || h <= 2 * PAD) {
            return;
        }
        double low = 0;
        double high = 0;
        for (double x : v) {
            low = Math.min(low, x);
            high = Math.max(high, x);
        }
        if (high == low) {
            high = low + 1;
        }
        double left = PAD;
        double right = w - PAD - DOT;
        double top = PAD + DOT / 2;
        double bottom = h - PAD;
        double[] xs = new double[v.length];
        double[] ys = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            xs[i] = v.length == 1 ? right : left + (right - left) * i / (v.length - 1);
            ys[i] = bottom - (bottom - top) * (v[i] - low) / (high - low);
        }
        Color line = theme().colour(Hue.BLUE);
        g.setFill(line.deriveColor(0, 1, 1, 0.18));
        g.beginPath();
        g.moveTo(xs[0], bottom);
        for (int i = 0; i < v.length; i++) {
            g.lineTo(xs[i], ys[i]);
        }
        g.lineTo(xs[v.length - 1], bottom);
        g.closePath();
        g.fill();
        g.setStroke(line);
        g.setLineWidth(1.2);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.strokePolyline(xs, ys, v.length);
        g.setFill(theme().text());
        g.fillOval(xs[v.length - 1] - DOT, ys[v.length - 1] - DOT, 2 * DOT, 2 * DOT);
    }

    /** At most two values per pixel column, keeping each column's lowest and highest. */
    private double[] visible(int columns) {
        if (values.length <= 2 * columns) {
            return values;
        }
        long[] index = new long[values.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        int[] keep = Downsampler.minMaxIndexes(index, values, 0, values.length - 1, columns);
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = values[keep[i]];
        }
        if (keep[keep.length - 1] != values.length - 1) { // the last value is the one the dot marks
            out = java.util.Arrays.copyOf(out, out.length + 1);
            out[out.length - 1] = values[values.length - 1];
        }
        return out;
    }
}
