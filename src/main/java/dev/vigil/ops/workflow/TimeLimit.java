package dev.vigil.ops.workflow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one piece of workflow work on the engine's executor and waits at most its time limit. At the limit the
 * work's registered resources are closed and its thread interrupted; work that had not started by then never
 * starts. {@link Timed#finished()} completes when the work's thread has really left it, which may be later.
 */
final class TimeLimit {
    private static final Logger LOG = LoggerFactory.getLogger(TimeLimit.class);
    private final Executor executor;

    TimeLimit(Executor executor) {
        this.executor = executor;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(WorkflowContext context) throws Exception;
    }

    /** Exactly one of value, error or timed out. */
    record Timed<T>(T value, Throwable error, boolean timedOut, CompletableFuture<Void> finished) {}

    <T> Timed<T> run(Duration limit, BooleanSupplier cancelRequested, Work<T> work) {
        Attempt<T> attempt = new Attempt<>(cancelRequested);
        try {
            executor.execute(() -> attempt.run(work));
        } catch (RejectedExecutionException e) {
            attempt.finished.complete(null);
            return new Timed<>(null, new IllegalStateException("the workflow engine is closed"), false, attempt.finished);
        }
        try {
            return new Timed<>(attempt.result.get(limit.toNanos(), TimeUnit.NANOSECONDS), null, false, attempt.finished);
        } catch (TimeoutException e) {
            attempt.abandon();
            return new Timed<>(null, null, true, attempt.finished);
        } catch (ExecutionException e) {
            return new Timed<>(null, e.getCause(), false, attempt.finished);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.abandon();
            return new Timed<>(null, e, false, attempt.finished);
        }
    }

    private static final class Attempt<T> implements WorkflowContext {
        private final BooleanSupplier cancelRequested;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private final List<AutoCloseable> abortOnTimeout = new CopyOnWriteArrayList<>();
        private Thread thread;
        private boolean abandoned;

        Attempt(BooleanSupplier cancelRequested) {
            this.cancelRequested = cancelRequested;
        }

        void run(Work<T> work) {
            synchronized (this) {
                if (abandoned) {
                    finished.complete(null);
                    return;
                }
                thread = Thread.currentThread();
            }
            try {
                result.complete(work.run(this));
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    thread = null;
                    // An interrupt meant for this work must not reach the next task of this pool thread.
                    Thread.interrupted();
                }
                finished.complete(null);
            }
        }

        void abandon() {
            for (AutoCloseable resource : abortOnTimeout) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.debug("closing a resource of timed-out work failed", e);
                }
            }
            synchronized (this) {
                abandoned = true;
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }

        @Override
        public boolean cancelRequested() {
            return cancelRequested.getAsBoolean();
        }

        @Override
        public void abortOnTimeout(AutoCloseable resource) {
            abortOnTimeout.add(resource);
        }
    }
}
