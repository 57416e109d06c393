package dev.vigil.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The one way UI code runs blocking work (database, lab, files): off the FX thread, with the result delivered
 * back on the UI thread. The same-thread version makes view-models testable without threads.
 */
public interface TaskExecutor extends AutoCloseable {
    <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    @Override
    void close();

    static TaskExecutor background(UiThread ui) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vigil-task");
            t.setDaemon(true);
            return t;
        });
        return new TaskExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                pool.execute(() -> {
                    try {
                        T result = work.call();
                        ui.run(() -> onSuccess.accept(result));
                    } catch (Exception | Error e) {
                        ui.run(() -> onFailure.accept(e));
                    }
                });
            }

            @Override
            public void close() {
                pool.shutdownNow();
            }
        };
    }

    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    // As the background version: an Error (a failed assertion, a missing class) reaches onFailure.
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public void close() {
                // nothing runs in the background
            }
        };
    }
}
