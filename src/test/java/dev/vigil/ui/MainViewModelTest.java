package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.ClusterFeed;
import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The view-model with fakes: no toolkit, no threads, no servers. */
class MainViewModelTest {
    private static final NodeEndpoint PG1 = new NodeEndpoint("pg1", "127.0.0.1", 1, "postgres", "m", "p");

    /** A feed the test drives by hand. */
    static final class FakeFeed implements ClusterFeed {
        final List<Consumer<ClusterStatus>> subscribers = new CopyOnWriteArrayList<>();
        ClusterStatus current = new ClusterStatus("demo", List.of(NodeStatus.connecting(PG1)), Instant.EPOCH);

        void publish(ClusterStatus next) {
            current = next;
            subscribers.forEach(s -> s.accept(next));
        }

        @Override
        public ClusterDefinition cluster() {
            return new ClusterDefinition("demo", List.of(PG1));
        }

        @Override
        public MonitorConnectionSettings settings() {
            return MonitorConnectionSettings.defaults();
        }

        @Override
        public ClusterStatus snapshot() {
            return current;
        }

        @Override
        public void subscribe(Consumer<ClusterStatus> subscriber) {
            subscribers.add(subscriber);
            subscriber.accept(current);
        }

        @Override
        public void unsubscribe(Consumer<ClusterStatus> subscriber) {
            subscribers.remove(subscriber);
        }
    }

    static final class FakeSource implements ClusterSource {
        final FakeFeed feed = new FakeFeed();
        RuntimeException failure;
        boolean closed;

        @Override
        public List<ClusterFeed> open() {
            if (failure != null) {
                throw failure;
            }
            return List.of(feed);
        }

        @Override
        public String description() {
            return "fake";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void startingThenRunningWithOneViewModelPerCluster() {
        FakeSource source = new FakeSource();
        MainViewModel vm = new MainViewModel(UiThread.immediate(), TaskExecutor.sameThread(), source);
        assertThat(vm.phaseProperty().get()).isEqualTo(MainViewModel.Phase.STARTING);
        vm.start("starting");
        assertThat(vm.phaseProperty().get()).isEqualTo(MainViewModel.Phase.RUNNING);
        assertThat(vm.clusters()).extracting(ClusterViewModel::name).containsExactly("demo");
        assertThat(vm.sourceDescriptionProperty().get()).isEqualTo("fake");
        vm.close();
        assertThat(source.closed).isTrue();
        assertThat(source.feed.subscribers).as("closing unsubscribes").isEmpty();
    }

    @Test
    void aFailingSourceIsReportedWithItsMessage() {
        FakeSource source = new FakeSource();
        source.failure = new IllegalStateException("initdb for demo/pg1 failed (exit 1)");
        MainViewModel vm = new MainViewModel(UiThread.immediate(), TaskExecutor.sameThread(), source);
        vm.start("starting");
        assertThat(vm.phaseProperty().get()).isEqualTo(MainViewModel.Phase.FAILED);
        assertThat(vm.phaseMessageProperty().get()).contains("initdb for demo/pg1 failed");
        assertThat(vm.clusters()).isEmpty();
    }

    @Test
    void pausedViewIgnoresNewSamplesUntilResumed() {
        FakeSource source = new FakeSource();
        MainViewModel vm = new MainViewModel(UiThread.immediate(), TaskExecutor.sameThread(), source);
        vm.start("starting");
        ClusterViewModel cluster = vm.clusters().get(0);
        ClusterStatus before = cluster.status();

        vm.liveProperty().set(false);
        ClusterStatus whilePaused = new ClusterStatus("demo", List.of(NodeStatus.connecting(PG1)), Instant.now());
        source.feed.publish(whilePaused);
        assertThat(cluster.status()).isSameAs(before);

        vm.liveProperty().set(true);
        ClusterStatus afterResume = new ClusterStatus("demo", List.of(NodeStatus.connecting(PG1)), Instant.now());
        source.feed.publish(afterResume);
        assertThat(cluster.status()).isSameAs(afterResume);
        assertThat(vm.lastSampleAtProperty().get()).isEqualTo(afterResume.at());
    }
}
