package dev.vigil.ui.bench;

import dev.vigil.ui.UiThread;
import javafx.application.Platform;
import javafx.scene.Parent;

/**
 * The window's UI thread with a stopwatch: each action runs on the FX thread as with {@link UiThread#fx()}, then
 * a CSS and layout pass of the scene root, and the time of both is added to the current tick. Two marks, set by
 * listeners around the main view's own, split an applied sample into model update and view refresh.
 * All state but {@link #root} is touched on the FX thread only.
 */
final class TimedUiThread implements UiThread {
    static final ChurnProbe PROBE = Boolean.getBoolean("vigil.bench.churn") ? new ChurnProbe() : null;
    private volatile Parent root;
    private int depth;
    private long appliedAt;
    private long refreshedAt;
    private long total;
    private long apply;
    private long refresh;
    private long layout;
    private int actions;

    @Override
    public void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            timed(action);
        } else {
            Platform.runLater(() -> timed(action));
        }
    }

    /** The scene root to lay out after each action; until set, actions are timed without a layout pass. */
    void root(Parent scene) {
        this.root = scene;
    }

    private void timed(Runnable action) {
        if (depth > 0) {
            action.run(); // nested in a timed action, which counts it
            return;
        }
        depth++;
        long start = System.nanoTime();
        appliedAt = 0;
        refreshedAt = 0;
        try {
            action.run();
        } finally {
            long ran = System.nanoTime();
            Parent r = root;
            if (r != null && PROBE != null) {
                PROBE.look(r);
                PROBE.dirty(r);
                long a = System.nanoTime();
                r.applyCss();
                long b = System.nanoTime();
                r.layout();
                PROBE.cssNanos += b - a;
                PROBE.layoutNanos += System.nanoTime() - b;
                ran = System.nanoTime() - (b - a) - (System.nanoTime() - b);
            } else if (r != null) {
                r.applyCss();
                r.layout();
            }
            long end = System.nanoTime();
            depth--;
            total += end - start;
            layout += end - ran;
            if (appliedAt != 0 && refreshedAt >= appliedAt) {
                apply += appliedAt - start;
                refresh += refreshedAt - appliedAt;
            }
            actions++;
        }
    }

    /** Called first when the shown sample changes: the model has taken the sample, the view is next. */
    void markApplied() {
        if (depth > 0 && appliedAt == 0) {
            appliedAt = System.nanoTime();
        }
    }

    /** Called last when the shown sample changes: the view on screen has refreshed. */
    void markRefreshed() {
        if (depth > 0 && appliedAt != 0) {
            refreshedAt = System.nanoTime();
        }
    }

    /** The cost of everything run since the last call; resets. FX thread only. */
    TickCost take() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("take() reads FX-thread state: call it on the FX thread");
        }
        TickCost cost = new TickCost(total, apply, refresh, layout, actions);
        total = 0;
        apply = 0;
        refresh = 0;
        layout = 0;
        actions = 0;
        return cost;
    }
}
