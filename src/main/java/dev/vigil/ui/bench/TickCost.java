package dev.vigil.ui.bench;

/**
 * What one applied tick cost the FX thread, in nanoseconds, split by phase: the sample applied to the model
 * (cluster tree, status bar), the refresh of the view on screen, the forced CSS and layout pass, and anything
 * else the tick queued (alert strip, events). {@code actions} is how many UI-thread actions the tick ran.
 */
record TickCost(long totalNanos, long applyNanos, long refreshNanos, long layoutNanos, int actions) {

    long otherNanos() {
        return totalNanos - applyNanos - refreshNanos - layoutNanos;
    }
}
