package dev.vigil.ui.common;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.ClusterStatus;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.history.ClusterHistory;
import dev.vigil.ops.failover.LastSeen;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One cluster as the window shows it: the newest sample (replaced whole each tick) and its history. */
public final class ClusterViewModel {
    private final String name;
    private final LiveCluster live;
    private final ReadOnlyObjectWrapper<ClusterSample> sample;
    private final ReadOnlyObjectWrapper<ClusterStatus> status;
    private final ReadOnlyObjectWrapper<Map<String, String>> fenced = new ReadOnlyObjectWrapper<>(Map.of());
    private final LastWrites lastWrites = new LastWrites();

    public ClusterViewModel(LiveCluster live) {
        this.live = live;
        ClusterSample initial = live.feed().sample();
        this.name = initial.cluster();
        this.sample = new ReadOnlyObjectWrapper<>(initial);
        this.status = new ReadOnlyObjectWrapper<>(initial.status());
    }

    public String name() {
        return name;
    }

    public ClusterDefinition definition() {
        return live.feed().cluster();
    }

    public ReadOnlyObjectProperty<ClusterStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ClusterStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<ClusterSample> sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    public ClusterSample sample() {
        return sample.get();
    }

    public ClusterHistory history() {
        return live.history();
    }

    public dev.vigil.alert.AlertThresholds thresholds() {
        return live.thresholds();
    }

    public LiveCluster live() {
        return live;
    }

    /**
     * The node a node-level view shows: the one chosen, else the primary, else the first reachable node, else
     * the first node.
     */
    public Optional<NodeSample> focus(String chosenNode) {
        ClusterSample s = sample();
        if (chosenNode != null) {
            Optional<NodeSample> chosen = s.node(chosenNode);
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return s.nodes().stream().filter(n -> n.status().role() == NodeStatus.Role.PRIMARY).findFirst()
                .or(() -> s.nodes().stream().filter(n -> n.status().isUp()).findFirst())
                .or(() -> s.nodes().stream().findFirst());
    }

    /** Health, roles and reachability: always current, even while the views are paused. */
    public void updateStatus(ClusterSample next) {
        ClusterStatus s = next.status();
        lastWrites.observe(s);
        status.set(s);
    }

    /**
     * Nodes a failover fenced that need a rejoin (node to why), as last read from the fenced-node list; the tree
     * and the Replication view mark them.
     */
    public ReadOnlyObjectProperty<Map<String, String>> fencedProperty() {
        return fenced.getReadOnlyProperty();
    }

    public Map<String, String> fenced() {
        return fenced.get();
    }

    public void updateFenced(Map<String, String> next) {
        if (!next.equals(fenced.get())) {
            fenced.set(Map.copyOf(next));
        }
    }

    /** The last WAL position the monitor saw the most recent primary write: a failover's data-loss estimate. */
    public Optional<LastSeen> lastSeen() {
        return lastWrites.latest();
    }

    /** What the console offers now: switchover, failover, rejoin, each with why not. */
    public RoleActions roleActions() {
        return new RoleActions(status(), fenced().keySet());
    }

    /** What the views show: frozen while paused. */
    public void updateSample(ClusterSample next) {
        sample.set(next);
    }
}
