package dev.vigil.ui.shell;

import dev.vigil.alert.AlertEvent;
import dev.vigil.journal.Journal;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.LatestValueMailbox;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.monitor.seen.SeenWrites;
import dev.vigil.monitor.seen.SeenWritesRecorder;
import dev.vigil.ops.control.NodeControls;
import dev.vigil.ops.failover.NodeFences;
import dev.vigil.ops.workflow.WorkflowEngine;
import dev.vigil.ui.common.ClusterSource;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.LiveCluster;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: what is being watched, each cluster's newest sample, what is selected, which view is
 * showing, the active alerts, and whether the view is live or paused. Samples arrive on monitor threads and are
 * applied on the UI thread, coalesced to one update per cluster per tick.
 */
public final class MainViewModel implements AutoCloseable {

    public enum Phase { STARTING, RUNNING, FAILED }

    public static final List<Duration> CHART_RANGES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1));

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MainViewModel.class);
    private static final Duration FENCES_RELOAD = Duration.ofSeconds(5);
    private final UiThread ui;
    private final TaskExecutor tasks;
    private final ClusterSource source;
    private final Journal journal;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.STARTING);
    private final ReadOnlyStringWrapper phaseMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> lastSampleAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Duration> samplingInterval = new ReadOnlyObjectWrapper<>(Duration.ofSeconds(1));
    private final BooleanProperty live = new SimpleBooleanProperty(true);
    private final ObservableList<ClusterViewModel> clusters = FXCollections.observableArrayList();
    private final ObservableList<ClusterViewModel> readOnlyClusters = FXCollections.unmodifiableObservableList(clusters);
    private final ObservableList<ActiveAlert> alerts = FXCollections.observableArrayList();
    private final ObservableList<ActiveAlert> readOnlyAlerts = FXCollections.unmodifiableObservableList(alerts);
    private final ReadOnlyObjectWrapper<ClusterViewModel> selectedCluster = new ReadOnlyObjectWrapper<>();
    private final StringProperty selectedNode = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<ClusterSample> shownSample = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ConsoleView> view = new SimpleObjectProperty<>(ConsoleView.OVERVIEW);
    private final javafx.beans.property.BooleanProperty showVigil = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ObjectProperty<Duration> chartRange = new SimpleObjectProperty<>(CHART_RANGES.get(0));
    private final List<Runnable> unsubscribers = new ArrayList<>();
    private final List<LiveCluster> liveClusters = new ArrayList<>();
    private final Map<ClusterViewModel, Runnable> clusterUnsubscribers = new HashMap<>();
    private final ObservableList<dev.vigil.cluster.InventoryProblem> inventoryProblems = FXCollections.observableArrayList();
    private final ObservableList<dev.vigil.cluster.InventoryProblem> readOnlyInventoryProblems =
            FXCollections.unmodifiableObservableList(inventoryProblems);
    private final ReadOnlyStringWrapper inventoryFile = new ReadOnlyStringWrapper("");
    private dev.vigil.cluster.inventory.InventoryWatcher inventoryWatcher;
    private String startingMessage = "";
    private boolean reloading;
    private boolean reloadAgain;
    private final WorkflowEngine workflows;
    private final NodeFences fences;
    private final SeenWrites seenWrites;
    private volatile NodeControls nodeControls = new NodeControls();
    private boolean fencesLoading;
    private boolean fencesStale;
    private long fencesLoadedNanos;

    public MainViewModel(UiThread ui, TaskExecutor tasks, ClusterSource source, Journal journal) {
        this.ui = ui;
        this.tasks = tasks;
        this.source = source;
        this.journal = journal;
        this.workflows = new WorkflowEngine(journal);
        this.fences = NodeFences.besideJournal(journal.file());
        this.seenWrites = SeenWrites.besideJournal(journal.file());
        selectedCluster.addListener((o, a, cluster) -> {
            shownSample.set(cluster == null ? null : cluster.sample());
            if (cluster != null) {
                // The status bar speaks of the cluster on screen; its definition is where the interval lives.
                samplingInterval.set(cluster.definition().interval());
            }
        });
        live.addListener((o, was, on) -> {
            if (on) {
                resume();
            }
        });
    }

    /** Opens the source in the background; the window shows progress until clusters arrive. */
    public void start(String startingMessage) {
        this.startingMessage = startingMessage;
        phase.set(Phase.STARTING);
        phaseMessage.set(startingMessage);
        watchInventory();
        tasks.submit(() -> {
            List<SampleFeed> feeds = source.open();
            // A cluster the source has just created is new: marks left by an earlier one of that name do not apply.
            for (String created : source.createdClusters()) {
                fences.fenced(created).keySet().forEach(node -> fences.clear(created, node));
                seenWrites.forget(created);
            }
            return feeds;
        }, this::attach, this::fail);
    }

    private void attach(List<SampleFeed> feeds) {
        feeds.forEach(this::attachOne);
        if (selectedCluster.get() == null && !clusters.isEmpty()) {
            selectedCluster.set(clusters.get(0));
        }
        inventoryProblems.setAll(source.inventoryProblems());
        sourceDescription.set(source.description());
        nodeControls = source.nodeControls();
        reloadFences();
        phase.set(Phase.RUNNING);
        phaseMessage.set("");
    }

    private void attachOne(SampleFeed feed) {
        LiveCluster liveCluster = new LiveCluster(feed, source.alertOverrides(), journal);
        liveClusters.add(liveCluster);
        ClusterViewModel cluster = new ClusterViewModel(liveCluster);
        clusters.add(cluster);
        LatestValueMailbox<ClusterSample> toUi = new LatestValueMailbox<>(ui::run, sample -> {
            if (clusterUnsubscribers.containsKey(cluster)) {
                apply(cluster, sample); // not once it is detached by a reload
            }
        });
        Consumer<ClusterSample> subscriber = toUi::offer;
        feed.subscribeSamples(subscriber);
        // On the delivery thread, paused or not: where each primary's WAL ended, for any process's failover.
        SeenWritesRecorder recorder = new SeenWritesRecorder(seenWrites, "the Vigil window");
        feed.subscribeSamples(recorder);
        clusterUnsubscribers.put(cluster, () -> {
            feed.unsubscribeSamples(subscriber);
            feed.unsubscribeSamples(recorder);
        });
        liveCluster.alerts().subscribe(event -> ui.run(() -> onAlert(event)));
    }

    /** Stops showing a cluster a reload dropped (or will show anew, changed). */
    private void detach(String name) {
        clusters.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(cluster -> {
            clusterUnsubscribers.remove(cluster).run();
            clusters.remove(cluster);
            liveClusters.remove(cluster.live());
            cluster.live().close();
            if (selectedCluster.get() == cluster) {
                selectedCluster.set(clusters.isEmpty() ? null : clusters.get(0));
            }
        });
    }

    /** Watches the configuration file off the FX thread; each change reloads (or, after a failed start, starts). */
    private void watchInventory() {
        if (inventoryWatcher != null) {
            return;
        }
        source.inventoryFile().ifPresent(file -> {
            inventoryFile.set(file.toString());
            try {
                inventoryWatcher = dev.vigil.cluster.inventory.InventoryWatcher.watch(file, () -> ui.run(this::reloadInventory));
            } catch (java.io.IOException e) {
                log.warn("Cannot watch {} for changes ({}); use the banner's Reload.", file, e.getMessage());
            }
        });
    }

    /**
     * Reads the configuration again, off the FX thread; unchanged clusters keep their history, changed ones are
     * watched anew, and the banner shows the new problems. After a failed start, this starts again.
     */
    public void reloadInventory() {
        if (phase.get() == Phase.FAILED) {
            start(startingMessage);
            return;
        }
        if (phase.get() == Phase.STARTING || reloading) {
            reloadAgain = reloading;
            return;
        }
        reloading = true;
        tasks.submit(source::reload, reloaded -> {
            reloading = false;
            reloaded.removed().forEach(this::detach);
            reloaded.added().forEach(this::attachOne);
            if (selectedCluster.get() == null && !clusters.isEmpty()) {
                selectedCluster.set(clusters.get(0));
            }
            inventoryProblems.setAll(source.inventoryProblems());
            sourceDescription.set(source.description());
            if (!reloaded.removed().isEmpty() || !reloaded.added().isEmpty()) {
                reloadFences();
                refreshAlerts();
            }
            if (reloadAgain) {
                reloadAgain = false;
                reloadInventory();
            }
        }, error -> {
            reloading = false;
            log.warn("Could not reload the inventory: {}", error.toString());
            inventoryProblems.setAll(List.of(new dev.vigil.cluster.InventoryProblem(
                    dev.vigil.cluster.InventoryProblem.Severity.ERROR, inventoryFile.get(),
                    "could not be reloaded: " + error.getMessage())));
        });
    }

    /** What is wrong with the inventory, each naming {@code file:line}; empty when all is well. */
    public ObservableList<dev.vigil.cluster.InventoryProblem> inventoryProblems() {
        return readOnlyInventoryProblems;
    }

    /** The configuration file watched and reloaded, or empty. */
    public ReadOnlyStringProperty inventoryFileProperty() {
        return inventoryFile.getReadOnlyProperty();
    }

    private void apply(ClusterViewModel cluster, ClusterSample sample) {
        // Health in the tree and status bar, and alerts, stay live even when paused: a split-brain raised
        // during a training pause must still show.
        cluster.updateStatus(sample);
        lastSampleAt.set(sample.at());
        if (System.nanoTime() - fencesLoadedNanos > FENCES_RELOAD.toNanos()) {
            reloadFences(); // another window or the CLI may have fenced or rejoined a node
        }
        if (!live.get()) {
            return; // paused: the views' frame stays as it was, for a trainer to talk over
        }
        cluster.updateSample(sample);
        if (cluster == selectedCluster.get()) {
            shownSample.set(sample);
        }
    }

    /**
     * Re-reads the fenced-node list off the UI thread and hands each cluster its part: after every workflow,
     * and every few seconds of ticks. One read at a time; a request during a read reads again after it.
     */
    public void reloadFences() {
        if (fencesLoading) {
            fencesStale = true;
            return;
        }
        fencesLoading = true;
        fencesStale = false;
        fencesLoadedNanos = System.nanoTime();
        List<String> names = clusters.stream().map(ClusterViewModel::name).toList();
        tasks.submit(() -> {
            Map<String, Map<String, String>> read = new HashMap<>();
            names.forEach(n -> read.put(n, fences.fenced(n)));
            return read;
        }, read -> {
            fencesLoading = false;
            clusters.forEach(c -> c.updateFenced(read.getOrDefault(c.name(), Map.of())));
            if (fencesStale) {
                reloadFences();
            }
        }, error -> {
            fencesLoading = false;
            log.warn("Could not read the fenced-node list: {}", error.getMessage());
        });
    }

    private void onAlert(AlertEvent event) {
        refreshAlerts();
    }

    /** The strip lists every cluster's active alerts, critical first, newest first within a severity. */
    private void refreshAlerts() {
        List<ActiveAlert> now = new ArrayList<>();
        for (ClusterViewModel cluster : clusters) {
            cluster.live().alerts().activeSince().forEach((finding, since) ->
                    now.add(new ActiveAlert(cluster.name(), finding, since)));
        }
        now.sort(Comparator.comparing((ActiveAlert a) -> a.severity().ordinal()).reversed()
                .thenComparing(ActiveAlert::since, Comparator.reverseOrder()));
        alerts.setAll(now);
    }

    private void fail(Throwable error) {
        inventoryProblems.setAll(source.inventoryProblems());
        phase.set(Phase.FAILED);
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        phaseMessage.set(message);
    }

    /** Resuming shows the newest samples at once instead of waiting for the next tick. */
    private void resume() {
        clusters.forEach(c -> apply(c, c.live().feed().sample()));
        refreshAlerts();
    }

    public void select(ClusterViewModel cluster, String node) {
        selectedCluster.set(cluster);
        selectedNode.set(node);
        shownSample.set(cluster == null ? null : cluster.sample());
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

    /** The selected cluster's sampling interval (as configured for it), 1 s until a cluster is selected. */
    public ReadOnlyObjectProperty<Duration> samplingIntervalProperty() {
        return samplingInterval.getReadOnlyProperty();
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    public ObservableList<ClusterViewModel> clusters() {
        return readOnlyClusters;
    }

    public ObservableList<ActiveAlert> alerts() {
        return readOnlyAlerts;
    }

    public ReadOnlyObjectProperty<ClusterViewModel> selectedClusterProperty() {
        return selectedCluster.getReadOnlyProperty();
    }

    public ClusterViewModel selectedCluster() {
        return selectedCluster.get();
    }

    /** The node chosen in the tree, or null when the whole cluster is. */
    public StringProperty selectedNodeProperty() {
        return selectedNode;
    }

    /** The selected cluster's newest sample as shown (frozen while paused); views refresh when it changes. */
    public ReadOnlyObjectProperty<ClusterSample> shownSampleProperty() {
        return shownSample.getReadOnlyProperty();
    }

    public ObjectProperty<ConsoleView> viewProperty() {
        return view;
    }

    /** Whether views show Vigil's own sessions and statements: one setting for the whole window, off by default. */
    public javafx.beans.property.BooleanProperty showVigilProperty() {
        return showVigil;
    }

    public ObjectProperty<Duration> chartRangeProperty() {
        return chartRange;
    }

    public Journal journal() {
        return journal;
    }

    /** The one engine every action of this window goes through (one mutating workflow per cluster at a time). */
    public WorkflowEngine workflows() {
        return workflows;
    }

    /** Which nodes failovers fenced, beside the journal: workflows write it, the tree and views mark it. */
    public NodeFences fences() {
        return fences;
    }

    /** Where every monitor records the last WAL position it saw each primary write: read by failovers. */
    public SeenWrites seenWrites() {
        return seenWrites;
    }

    /** How the workflows stop, start and fence each cluster's servers (the demo lab's pg_ctl, or configured). */
    public NodeControls nodeControls() {
        return nodeControls;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    public UiThread ui() {
        return ui;
    }

    /** Runs at {@link #close()}: view-models that listen to long-lived sources let go of them. */
    public void onClose(Runnable closer) {
        unsubscribers.add(closer);
    }

    /** Stops watching and releases the source (for the demo: stops its servers). Blocks; call at exit. */
    @Override
    public void close() {
        if (inventoryWatcher != null) {
            inventoryWatcher.close();
        }
        unsubscribers.forEach(Runnable::run);
        unsubscribers.clear();
        clusterUnsubscribers.values().forEach(Runnable::run);
        clusterUnsubscribers.clear();
        liveClusters.forEach(LiveCluster::close);
        workflows.close();
        source.close();
        tasks.close();
    }
}
