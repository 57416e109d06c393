package dev.vigil.bench.ui;

import atlantafx.base.theme.PrimerDark;
import dev.vigil.journal.Journal;
import dev.vigil.monitor.history.ClusterHistory;
import dev.vigil.ui.common.ClusterSource;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import dev.vigil.ui.shell.MainViewModel;
import dev.vigil.ui.shell.VigilApp;
import dev.vigil.ui.shell.WindowState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The real window ({@link VigilApp#show}) on a source, driven from the bench thread. With a timed UI thread,
 * every action it runs is measured, and {@link #tick} gives the FX-thread cost of one synthetic tick.
 */
final class BenchWindow implements AutoCloseable {
    private static final long PULSE_TIMEOUT_SECONDS = 30;
    private final FxSession fx;
    private final TimedUiThread timer;
    private final MainViewModel vm;
    private final Journal journal;
    private final Stage stage;

    private BenchWindow(FxSession fx, TimedUiThread timer, MainViewModel vm, Journal journal, Stage stage) {
        this.fx = fx;
        this.timer = timer;
        this.vm = vm;
        this.journal = journal;
        this.stage = stage;
    }

    /**
     * Shows the window in the default dark theme and starts the source in the background, as the app does.
     * {@code beforeStart} runs on the FX thread once the window is built, before the source opens.
     */
    static BenchWindow open(FxSession fx, ClusterSource source, WindowState layout, Path journalFile, boolean timed,
                            Consumer<MainViewModel> beforeStart) {
        TimedUiThread timer = timed ? new TimedUiThread() : null;
        UiThread ui = timed ? timer : UiThread.fx();
        Journal journal = Journal.open(journalFile);
        return fx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            MainViewModel vm = new MainViewModel(ui, TaskExecutor.background(ui), source, journal);
            Stage stage = new Stage();
            if (timed) {
                // Listeners fire in the order added: this one before the main view's refresh, the next one after.
                vm.shownSampleProperty().addListener((o, a, b) -> timer.markApplied());
            }
            VigilApp.show(stage, vm, () -> { }, layout);
            if (timed) {
                vm.shownSampleProperty().addListener((o, a, b) -> timer.markViewsDone());
                timer.attach(stage.getScene());
            }
            beforeStart.accept(vm);
            vm.start("Loading the bench's clusters");
            return new BenchWindow(fx, timer, vm, journal, stage);
        });
    }

    static WindowState layout(ConsoleView view, Duration chartRange) {
        WindowState d = WindowState.DEFAULT;
        return new WindowState(d.x(), d.y(), d.width(), d.height(), false, d.divider(), view, true, chartRange);
    }

    /** Waits until the source has opened and its clusters are in the window; then forgets the start-up's cost. */
    void awaitRunning(Duration timeout) {
        CompletableFuture<Void> running = new CompletableFuture<>();
        fx.run(() -> {
            Consumer<MainViewModel.Phase> check = phase -> {
                if (phase == MainViewModel.Phase.RUNNING) {
                    running.complete(null);
                } else if (phase == MainViewModel.Phase.FAILED) {
                    running.completeExceptionally(new IllegalStateException(vm.phaseMessageProperty().get()));
                }
            };
            check.accept(vm.phaseProperty().get());
            vm.phaseProperty().addListener((o, a, phase) -> check.accept(phase));
        });
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The window's source failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The window's source did not open within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        drain();
    }

    /**
     * One simulated second: the cluster makes it and delivers it on this thread (history, alerts and the window's
     * mailbox take it here, as from a monitor thread), then the FX thread applies it and lays the scene out.
     */
    TickCost tick(SyntheticCluster cluster) {
        if (timer != null) {
            fx.run(timer::begin);
        }
        cluster.tick();
        return drain();
    }

    /** Waits until everything queued has run and a pulse has laid the scene out; returns the FX time since. */
    TickCost drain() {
        if (timer == null) {
            return fx.call(() -> TickCost.NONE);
        }
        CompletableFuture<TickCost> laidOut = fx.call(timer::arm);
        try {
            return laidOut.get(PULSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No pulse within " + PULSE_TIMEOUT_SECONDS + " s of a tick", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    void show(ConsoleView view) {
        fx.run(() -> vm.viewProperty().set(view));
        drain();
    }

    /** Paused, the window keeps its frame while history still records every tick. */
    void live(boolean on) {
        fx.run(() -> vm.liveProperty().set(on));
        drain();
    }

    ClusterHistory history() {
        return fx.call(() -> vm.clusters().get(0).history());
    }

    MainViewModel vm() {
        return vm;
    }

    /** Closes the window and its source (for a demo lab: stops the servers); blocks until done. */
    @Override
    public void close() {
        fx.run(stage::hide);
        vm.close();
        journal.close();
    }
}
