package dev.vigil.monitor;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Delivers values to one subscriber on another thread, newest only: the producer (a sampler) never waits for a
 * slow subscriber, and a slow subscriber skips to the latest value instead of falling behind.
 */
public final class LatestValueMailbox<T> {
    private final Executor executor;
    private final Consumer<T> subscriber;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public LatestValueMailbox(Executor executor, Consumer<T> subscriber) {
        this.executor = executor;
        this.subscriber = subscriber;
    }

    Consumer<T> subscriber() {
        return subscriber;
    }

    public void offer(T value) {
        pending.set(value);
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        T value = pending.getAndSet(null);
        if (value != null) {
            try {
                subscriber.accept(value);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(LatestValueMailbox.class).warn("Subscriber failed", e);
            }
        }
    }
}
