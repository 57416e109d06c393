package dev.vigil.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest of a stream of snapshots to the UI thread, at most one pending hand-off at a time: a burst
 * of samples costs one UI update, and a busy UI thread never builds a queue of stale ones.
 */
final class Coalescer<T> {
    private final UiThread ui;
    private final Consumer<T> apply;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Coalescer(UiThread ui, Consumer<T> apply) {
        this.ui = ui;
        this.apply = apply;
    }

    void offer(T value) {
        pending.set(value);
        if (scheduled.compareAndSet(false, true)) {
            ui.run(() -> {
                scheduled.set(false);
                T newest = pending.getAndSet(null);
                if (newest != null) {
                    apply.accept(newest);
                }
            });
        }
    }
}
