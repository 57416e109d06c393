package dev.vigil.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Severity;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalReader;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.ui.common.ClusterSource;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-model with fakes ({@link FakeSource}, {@link FakeFeed}): no toolkit, no threads, no servers. */
public class MainViewModelTest {
    private static final NodeEndpoint PG1 = FakeFeed.PG1;

    @TempDir
    Path dir;
    private Journal journal;

    @BeforeEach
    void openJournal() {
        journal = Journal.open(dir.resolve("journal.jsonl"));
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private MainViewModel viewModel(FakeSource source) {
        return new MainViewModel(UiThread.immediate(), TaskExecutor.sameThread(), source, journal);
    }

    @Test
    void startingThenRunningWithOneViewModelPerClusterAndTheFirstSelected() {
        FakeSource source = new FakeSource();
        MainViewModel vm = viewModel(source);
        assertThat(vm.phaseProperty().get()).isEqualTo(MainViewModel.Phase.STARTING);
        vm.start("starting");
        assertThat(vm.phaseProperty().get()).isEqualTo(MainViewModel.Phase.RUNNING);
        assertThat(vm.clusters()).extracting(ClusterViewModel::name).containsExactly("demo");
        assertThat(vm.selectedCluster()).isSameAs(vm.clusters().get(0));
        assertThat(vm.sourceDescriptionProperty().get()).isEqualTo("fake");
        vm.close();
        assertThat(source.closed).isTrue();
        assertThat(source.feed.subscribers).as("closing unsubscribes window, history and alerts").isEmpty();
    }

    @Test
    void aFailingSourceIsReportedWithItsMessage() {
        FakeSource source = new FakeSource();
        source.failure = new IllegalStateException("initdb for demo/pg1 failed (exit 1)");
        MainViewModel vm = viewModel(source);
        vm.start("starting");
        assertThat(vm.phaseProperty().get()).isEqualTo(MainViewModel.Phase.FAILED);
        assertThat(vm.phaseMessageProperty().get()).contains("initdb for demo/pg1 failed");
        assertThat(vm.clusters()).isEmpty();
    }

    @Test
    void pausedViewFreezesTheViewsButNotHealthOrAlertsAndResumingShowsTheNewest() {
        FakeSource source = new FakeSource();
        MainViewModel vm = viewModel(source);
        vm.start("starting");
        source.feed.publishUp(true);
        ClusterViewModel cluster = vm.clusters().get(0);
        ClusterSample before = cluster.sample();
        assertThat(vm.shownSampleProperty().get()).isSameAs(before);

        vm.liveProperty().set(false);
        source.feed.publishUp(false);
        assertThat(cluster.sample()).isSameAs(before);
        assertThat(vm.shownSampleProperty().get()).isSameAs(before);
        assertThat(cluster.status().reachableCount()).as("the tree's health stays live").isEqualTo(1);
        assertThat(vm.alerts()).as("alerts are never paused").extracting(a -> a.finding().rule())
                .containsExactly("node-down");

        vm.liveProperty().set(true);
        assertThat(cluster.sample()).as("resuming shows the newest at once").isSameAs(source.feed.current);
    }

    @Test
    void aNodeGoingDownRaisesAnAlertInTheStripAndTheJournalAndClearsWhenItIsBack() {
        FakeSource source = new FakeSource();
        MainViewModel vm = viewModel(source);
        vm.start("starting");
        source.feed.publishUp(true);
        source.feed.publishUp(false);
        assertThat(vm.alerts()).singleElement().satisfies(a -> {
            assertThat(a.finding().rule()).isEqualTo("node-down");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.where()).isEqualTo("demo / pg2");
            assertThat(AlertStripView.viewFor(a)).isEqualTo(ConsoleView.OVERVIEW);
        });
        source.feed.publishUp(true);
        assertThat(vm.alerts()).isEmpty();
        assertThat(JournalReader.tail(journal.file(), 10).entries()).extracting(e -> e.kind())
                .containsExactly("alert.raised", "alert.cleared");
    }

    @Test
    void selectingAnotherClusterOrNodeChangesWhatViewsShow() {
        FakeSource source = new FakeSource();
        MainViewModel vm = viewModel(source);
        vm.start("starting");
        source.feed.publishUp(true);
        ClusterViewModel cluster = vm.clusters().get(0);
        vm.select(cluster, "pg2");
        assertThat(vm.selectedNodeProperty().get()).isEqualTo("pg2");
        assertThat(cluster.focus("pg2")).hasValueSatisfying(n -> assertThat(n.node()).isEqualTo("pg2"));
        assertThat(cluster.focus(null)).as("a cluster shows its primary").hasValueSatisfying(n -> assertThat(n.node()).isEqualTo("pg1"));
        assertThat(cluster.focus("gone")).hasValueSatisfying(n -> assertThat(n.node()).isEqualTo("pg1"));
    }

    @Test
    void theStatusBarsIntervalIsTheSelectedClustersNotTheLastToAttach() {
        FakeFeed demo = new FakeFeed();
        FakeFeed shop = new FakeFeed();
        shop.definition = new ClusterDefinition("shop", List.of(PG1), Duration.ofMillis(500));
        shop.current = new ClusterSample("shop", List.of(new NodeSample("shop", "pg1", 0, Instant.EPOCH,
                NodeStatus.connecting(PG1), Map.of())), Instant.EPOCH);
        ClusterSource two = new ClusterSource() {
            @Override
            public List<SampleFeed> open() {
                return List.of(demo, shop);
            }

            @Override
            public String description() {
                return "two";
            }

            @Override
            public void close() {
            }
        };
        MainViewModel vm = new MainViewModel(UiThread.immediate(), TaskExecutor.sameThread(), two, journal);
        vm.start("starting");
        assertThat(vm.clusters()).extracting(ClusterViewModel::name).containsExactly("demo", "shop");
        assertThat(vm.selectedCluster().name()).isEqualTo("demo");
        assertThat(vm.samplingIntervalProperty().get()).as("shop attached last, demo is selected")
                .isEqualTo(Duration.ofSeconds(1));

        vm.select(vm.clusters().get(1), null);
        assertThat(vm.samplingIntervalProperty().get()).isEqualTo(Duration.ofMillis(500));
        assertThat(StatusBarView.intervalText(vm.selectedCluster(), vm.samplingIntervalProperty().get()))
                .isEqualTo("shop sampling every " + Format.duration(Duration.ofMillis(500)));

        vm.select(vm.clusters().get(0), "pg2");
        assertThat(vm.samplingIntervalProperty().get()).isEqualTo(Duration.ofSeconds(1));
        vm.close();
    }

    @Test
    void theQueriesWorkerEndsWithTheWindow() throws Exception {
        MainViewModel vm = viewModel(new FakeSource());
        java.util.concurrent.ExecutorService worker = ConsoleViews.queriesWorker(vm);
        java.util.concurrent.Future<String> ran = worker.submit(() -> Thread.currentThread().getName());
        assertThat(ran.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("vigil-queries");
        assertThat(worker.isShutdown()).isFalse();
        vm.close();
        assertThat(worker.isShutdown()).as("closing the window shuts the worker down").isTrue();
        assertThat(worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).as("its thread ends").isTrue();
    }

    @Test
    void bothExecutorsHandAnErrorToOnFailure() throws Exception {
        for (TaskExecutor tasks : List.of(TaskExecutor.sameThread(), TaskExecutor.background(UiThread.immediate()))) {
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            tasks.submit(() -> {
                throw new AssertionError("boom");
            }, r -> done.countDown(), e -> {
                failures.add(e);
                done.countDown();
            });
            assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(failures).singleElement().isInstanceOf(AssertionError.class);
            tasks.close();
        }
    }
}
