package dev.vigil.locks;

/**
 * The fixed sizes a {@link LockGraphLayout} works with, in unscaled pixels. Boxes and label slots have fixed sizes so
 * that the layout needs no font: the view fits its text into them, which is what keeps text from overlapping.
 *
 * @param nodeWidth     width of a session box
 * @param nodeHeight    height of a session box
 * @param columnGap     horizontal gap between two boxes of a layer
 * @param layerGap      vertical gap between a blocker and its waiters; holds the connector and the edge label
 * @param busDrop       how far below a blocker its waiters' connectors join (room for the arrow head)
 * @param labelHeight   height of an edge label
 * @param maxColumns    at most this many waiters that nobody waits on sit side by side under one blocker; more wrap
 *                      into further rows, so one blocker with a hundred waiters does not make a 20 000 px wide row
 *                      (fewer when the wrap width is too narrow for this many)
 * @param lanePadding   space between a tree's frame and its boxes
 * @param laneHeader    height of the title line at the top of a tree's frame
 * @param laneGap       space between the frames of two trees
 * @param wrapWidth     trees flow left to right and wrap to a new row past this width (the view's visible width)
 */
public record LockGraphLayoutMetrics(double nodeWidth, double nodeHeight, double columnGap, double layerGap,
                                     double busDrop, double labelHeight, int maxColumns, double lanePadding,
                                     double laneHeader, double laneGap, double wrapWidth) {
    public static final LockGraphLayoutMetrics DEFAULT =
            new LockGraphLayoutMetrics(204, 64, 28, 62, 18, 20, 6, 16, 34, 24, 1600);

    public LockGraphLayoutMetrics {
        if (nodeWidth <= 0 || nodeHeight <= 0 || maxColumns < 1 || layerGap < busDrop + labelHeight) {
            throw new IllegalArgumentException("inconsistent lock graph metrics");
        }
    }

    public LockGraphLayoutMetrics withWrapWidth(double width) {
        return new LockGraphLayoutMetrics(nodeWidth, nodeHeight, columnGap, layerGap, busDrop, labelHeight,
                maxColumns, lanePadding, laneHeader, laneGap, width);
    }

    /** Distance from one column of boxes to the next. */
    public double columnPitch() {
        return nodeWidth + columnGap;
    }

    /** Distance from one layer of boxes to the next. */
    public double layerPitch() {
        return nodeHeight + layerGap;
    }

    /** The vertical stretch of connector just above a waiter, where its label sits. */
    public double stub() {
        return layerGap - busDrop;
    }

    /** Widest an edge label may be: a little less than a column, so labels of neighbours never touch. */
    public double labelMaxWidth() {
        return columnPitch() - 10;
    }
}
