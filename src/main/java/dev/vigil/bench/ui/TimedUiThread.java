package dev.vigil.bench.ui;

import dev.vigil.ui.common.UiThread;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The window's UI thread with a stopwatch. Each action runs on the FX thread as with {@link UiThread#fx()} and
 * its time is added to the current tick; two marks, set by listeners around the main view's own, split an applied
 * sample into model update and views. The scene's pulse listeners, which bracket exactly the pulse's CSS and
 * layout pass, add that pass too: it is where the cost of changed nodes shows. (Forcing {@code root.applyCss()}
 * instead would restyle every node of the scene, which no pulse does.) State is touched on the FX thread only.
 */
final class TimedUiThread implements UiThread {
    private int depth;
    private long appliedAt;
    private long viewsDoneAt;
    private long action;
    private long apply;
    private long views;
    private int actions;
    private long pulseStart;
    private long pulse;
    private int pulses;
    private CompletableFuture<TickCost> armed;

    @Override
    public void run(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            timed(work);
        } else {
            Platform.runLater(() -> timed(work));
        }
    }

    /** Times the CSS and layout pass of every pulse of {@code scene}. FX thread. */
    void attach(Scene scene) {
        scene.addPreLayoutPulseListener(() -> pulseStart = System.nanoTime());
        scene.addPostLayoutPulseListener(this::pulseLaidOut);
    }

    private void pulseLaidOut() {
        pulse += System.nanoTime() - pulseStart;
        pulses++;
        if (armed != null) {
            CompletableFuture<TickCost> done = armed;
            armed = null;
            done.complete(take());
        }
    }

    private void timed(Runnable work) {
        if (depth > 0) {
            work.run(); // nested in a timed action, which counts it
            return;
        }
        depth++;
        long start = System.nanoTime();
        appliedAt = 0;
        viewsDoneAt = 0;
        try {
            work.run();
        } finally {
            depth--;
            action += System.nanoTime() - start;
            if (appliedAt != 0 && viewsDoneAt >= appliedAt) {
                apply += appliedAt - start;
                views += viewsDoneAt - appliedAt;
            }
            actions++;
        }
    }

    /** Called first when the shown sample changes: the model has taken the sample, the views are next. */
    void markApplied() {
        if (depth > 0 && appliedAt == 0) {
            appliedAt = System.nanoTime();
        }
    }

    /** Called last when the shown sample changes: the views have observed it and the one on screen refreshed. */
    void markViewsDone() {
        if (depth > 0 && appliedAt != 0) {
            viewsDoneAt = System.nanoTime();
        }
    }

    /** Starts a tick: what ran before is forgotten. FX thread. */
    void begin() {
        take();
    }

    /**
     * Ends a tick once everything queued so far has run: the result completes after the next pulse has laid the
     * scene out, with all actions and pulse passes since {@link #begin}. FX thread.
     */
    CompletableFuture<TickCost> arm() {
        CompletableFuture<TickCost> done = new CompletableFuture<>();
        armed = done;
        Platform.requestNextPulse();
        return done;
    }

    private TickCost take() {
        TickCost cost = new TickCost(action, apply, views, pulse, actions, pulses);
        action = 0;
        apply = 0;
        views = 0;
        actions = 0;
        pulse = 0;
        pulses = 0;
        return cost;
    }
}
