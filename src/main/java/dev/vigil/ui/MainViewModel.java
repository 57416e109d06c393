package dev.vigil.ui;

import dev.vigil.cluster.ClusterStatus;
import dev.vigil.monitor.LatestValueMailbox;
import dev.vigil.cluster.ClusterFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: what is being watched, each cluster's newest snapshot, and whether the view is live
 * or paused. Samples arrive on watcher threads and are applied on the UI thread, coalesced per cluster.
 */
public final class MainViewModel implements AutoCloseable {

    public enum Phase { STARTING, RUNNING, FAILED }

    private final UiThread ui;
    private final TaskExecutor tasks;
    private final ClusterSource source;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.STARTING);
    private final ReadOnlyStringWrapper phaseMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> lastSampleAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Duration> samplingInterval = new ReadOnlyObjectWrapper<>(Duration.ofSeconds(1));
    private final BooleanProperty live = new SimpleBooleanProperty(true);
    private final ObservableList<ClusterViewModel> clusters = FXCollections.observableArrayList();
    private final ObservableList<ClusterViewModel> readOnlyClusters = FXCollections.unmodifiableObservableList(clusters);
    private final List<Runnable> unsubscribers = new ArrayList<>();

    public MainViewModel(UiThread ui, TaskExecutor tasks, ClusterSource source) {
        this.ui = ui;
        this.tasks = tasks;
        this.source = source;
    }

    /** Opens the source in the background; the window shows progress until clusters arrive. */
    public void start(String startingMessage) {
        phase.set(Phase.STARTING);
        phaseMessage.set(startingMessage);
        tasks.submit(source::open, this::attach, this::fail);
    }

    private void attach(List<ClusterFeed> watchers) {
        for (ClusterFeed watcher : watchers) {
            ClusterViewModel cluster = new ClusterViewModel(watcher.snapshot());
            clusters.add(cluster);
            samplingInterval.set(watcher.settings().interval());
            LatestValueMailbox<ClusterStatus> toUi = new LatestValueMailbox<>(ui::run, status -> apply(cluster, status));
            Consumer<ClusterStatus> subscriber = toUi::offer;
            watcher.subscribe(subscriber);
            unsubscribers.add(() -> watcher.unsubscribe(subscriber));
        }
        sourceDescription.set(source.description());
        phase.set(Phase.RUNNING);
        phaseMessage.set("");
    }

    private void apply(ClusterViewModel cluster, ClusterStatus status) {
        if (!live.get()) {
            return; // paused: the frame stays as it was, for a trainer to talk over
        }
        cluster.update(status);
        lastSampleAt.set(status.at());
    }

    private void fail(Throwable error) {
        phase.set(Phase.FAILED);
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        phaseMessage.set(message);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseMessageProperty() {
        return phaseMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceDescriptionProperty() {
        return sourceDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastSampleAtProperty() {
        return lastSampleAt.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> samplingIntervalProperty() {
        return samplingInterval.getReadOnlyProperty();
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    public ObservableList<ClusterViewModel> clusters() {
        return readOnlyClusters;
    }

    /** Stops watching and releases the source (for the demo: stops its servers). Blocks; call at exit. */
    @Override
    public void close() {
        unsubscribers.forEach(Runnable::run);
        unsubscribers.clear();
        source.close();
        tasks.close();
    }
}
