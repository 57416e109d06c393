package dev.vigil.bench.ui;

/**
 * What one tick cost the FX thread, in nanoseconds: the UI-thread actions it queued ({@code actionNanos}: the
 * sample applied to the model, cluster tree and status bar ({@code applyNanos}), then the views
 * ({@code viewNanos}: every view observing the tick and the one on screen refreshing), and anything else such as
 * alerts), plus the CSS and layout passes of the pulses until the tick was laid out ({@code pulseNanos}).
 */
record TickCost(long actionNanos, long applyNanos, long viewNanos, long pulseNanos, int actions, int pulses) {

    static final TickCost NONE = new TickCost(0, 0, 0, 0, 0, 0);

    long totalNanos() {
        return actionNanos + pulseNanos;
    }

    long otherNanos() {
        return actionNanos - applyNanos - viewNanos;
    }
}
