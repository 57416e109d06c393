package dev.vigil.bench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.shell.MainViewModel;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class BenchWindowTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aTickIsTimedOnTheFxThreadThroughItsPulse() {
        SyntheticCluster cluster = new SyntheticCluster(20, 20, 3, Instant.now());
        try (BenchWindow window = open(cluster)) {
            TickCost cost = window.tick(cluster);

            assertThat(cost.actions()).as("the tick's coalesced apply").isPositive();
            assertThat(cost.pulses()).as("the pulse that laid the tick out").isPositive();
            assertThat(cost.viewNanos()).as("the view on screen refreshed").isPositive();
            assertThat(cost.totalNanos()).isEqualTo(cost.actionNanos() + cost.pulseNanos());
        }
    }

    /**
     * Windows opened and closed one after another (the tests do, in one JVM) do not pile up. The status bar's clock
     * once kept every closed window with its history and source alive. (The toolkit itself may hold the last
     * closed window until another one opens, so the check is made with a second window up.)
     */
    @Test
    void aClosedWindowIsCollectedOnceAnotherHasOpened() throws Exception {
        SyntheticCluster first = new SyntheticCluster(20, 20, 3, Instant.now());
        BenchWindow closed = open(first);
        closed.tick(first);
        WeakReference<MainViewModel> closedVm = new WeakReference<>(closed.vm());
        closed.close();
        closed = null;
        first = null;

        SyntheticCluster second = new SyntheticCluster(20, 20, 3, Instant.now());
        try (BenchWindow open = open(second)) {
            open.tick(second);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                System.gc();
                return closedVm.get() == null;
            });
        }
    }

    private BenchWindow open(SyntheticCluster cluster) {
        BenchWindow window = BenchWindow.open(FxSession.start(), new SyntheticSource(cluster, "test"),
                BenchWindow.layout(ConsoleView.OVERVIEW, Duration.ofMinutes(5)), dir.resolve("journal.jsonl"), true,
                vm -> { });
        window.awaitRunning(Duration.ofSeconds(30));
        return window;
    }
}
