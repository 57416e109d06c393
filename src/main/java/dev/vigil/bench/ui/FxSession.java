package dev.vigil.bench.ui;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * The JavaFX toolkit as the bench uses it from its own thread: started here, or joined when a test harness
 * (TestFX) already started it, and a way to run work on the FX thread and wait for it. Work posted with
 * {@link #call} runs after everything posted before it, so its return also means the FX queue has drained.
 */
final class FxSession {
    static final String MONOCLE_FACTORY = "com.sun.glass.ui.monocle.MonoclePlatformFactory";
    private static final long TIMEOUT_SECONDS = 120;
    private final boolean startedHere;

    private FxSession(boolean startedHere) {
        this.startedHere = startedHere;
    }

    /** Starts the toolkit, or joins it if it runs; fails with the fix when there is no display to run on. */
    static FxSession start() {
        if (monocleRequested() && !monocleAvailable()) {
            throw new IllegalStateException("glass.platform=Monocle is set but Monocle is not on the class path "
                    + "(it is a test dependency). Add openjfx-monocle to -cp, or drop the Monocle properties and run "
                    + "under a display: xvfb-run -a packaging/bin/vigil bench ui");
        }
        if (!monocleRequested() && isLinux() && blank(System.getenv("DISPLAY"))
                && blank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalStateException("No display: run the bench under a virtual one, "
                    + "xvfb-run -a -s \"-screen 0 1600x1000x24\" packaging/bin/vigil bench ui, or headless with "
                    + "Monocle on the class path and -Dglass.platform=Monocle -Dmonocle.platform=Headless");
        }
        CountDownLatch up = new CountDownLatch(1);
        boolean here;
        try {
            Platform.startup(up::countDown);
            here = true;
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
            here = false;
        }
        try {
            if (!up.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The JavaFX toolkit did not start within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the JavaFX toolkit started", e);
        }
        // Bench windows come and go; the toolkit stays until the bench is done.
        Platform.setImplicitExit(false);
        return new FxSession(here);
    }

    /** Runs {@code work} on the FX thread after everything queued before it, and returns its result. */
    <T> T call(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxSession.call waits for the FX thread: call it from another thread");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The FX thread did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the FX thread", e);
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Stops the toolkit if this session started it (a test harness keeps its own). */
    void close() {
        if (startedHere) {
            Platform.exit();
        }
    }

    /** Glass window system and Prism pipeline in use, e.g. "gtk, es2"; read once the toolkit runs. */
    String pipeline() {
        String glass = call(() -> internalName("com.sun.glass.ui.Application", "GetApplication", "Application"));
        String prism = call(() -> internalName("com.sun.prism.GraphicsPipeline", "getPipeline", "Pipeline"));
        return "glass " + glass + ", prism " + prism + " (prism.order="
                + System.getProperty("prism.order", "default") + ")";
    }

    /** Best effort: the toolkit does not publish these, so read the class name of its singleton, or "unknown". */
    private static String internalName(String className, String getter, String suffix) {
        try {
            Object o = Class.forName(className).getMethod(getter).invoke(null);
            String name = o == null ? "none" : o.getClass().getSimpleName();
            return (name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name)
                    .toLowerCase(Locale.ROOT);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    static boolean monocleRequested() {
        return "Monocle".equalsIgnoreCase(System.getProperty("glass.platform", ""));
    }

    static boolean monocleAvailable() {
        try {
            Class.forName(MONOCLE_FACTORY, false, FxSession.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
