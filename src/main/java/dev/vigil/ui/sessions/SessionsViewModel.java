package dev.vigil.ui.sessions;

import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.activity.ActivitySnapshot;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.SessionRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Sessions view's state: every backend of the shown node, filtered, with whom each waits on and holds up. */
public final class SessionsViewModel {
    private final ObservableList<SessionRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<SessionFilter> filter = new SimpleObjectProperty<>(SessionFilter.NONE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper("");
    private String node = "";
    private final javafx.beans.property.BooleanProperty includeSelf = new javafx.beans.property.SimpleBooleanProperty(false);
    private List<SessionRow> all = List.of();
    private NodeSample last;

    public SessionsViewModel() {
        filter.addListener((o, a, b) -> applyFilter());
        includeSelf.addListener((o, a, b) -> {
            if (last != null) {
                update(last);
            }
        });
    }

    /** Whether Vigil's own sessions are shown (off by default). */
    public javafx.beans.property.BooleanProperty includeSelfProperty() {
        return includeSelf;
    }

    public void update(NodeSample sample) {
        last = sample;
        node = sample.node();
        Optional<ActivitySnapshot> activity = sample.upValue(ActivitySnapshot.class);
        if (activity.isEmpty()) {
            all = List.of();
            unavailable.set(sample.status().isUp() ? "Sessions of " + node + " are not available yet: "
                    + Format.metricProblem(sample, "activity") : node + " is "
                    + (dev.vigil.cluster.ConnectionFailure.kindOf(sample.status().error()).isPresent() ? "down" : "unreachable")
                    + ": " + sample.status().error());
            applyFilter();
            return;
        }
        unavailable.set("");
        Map<Integer, LockSession> locks = sample.upValue(LockSnapshot.class).map(LockSnapshot::byPid).orElse(Map.of());
        Map<Integer, List<Integer>> blocking = new HashMap<>();
        locks.values().forEach(s -> s.blockedBy().forEach(b -> blocking.computeIfAbsent(b, k -> new ArrayList<>()).add(s.pid())));
        all = activity.get().visible(includeSelf.get()).sessions().stream()
                .map(a -> SessionRow.of(a, Optional.ofNullable(locks.get(a.pid())), blocking.getOrDefault(a.pid(), List.of())))
                .toList();
        applyFilter();
    }

    private void applyFilter() {
        List<SessionRow> shown = all.stream().filter(filter.get()).toList();
        rows.setAll(shown);
        long waiting = all.stream().filter(SessionRow::isWaitingOnLock).count();
        long idleInTx = all.stream().filter(r -> r.activity().isIdleInTransaction()).count();
        long active = all.stream().filter(r -> r.activity().isClientBackend() && r.activity().isActive()).count();
        summary.set(node.isEmpty() ? "" : String.format("%s · %d of %d backends shown · %d active · %d waiting on a lock"
                + " · %d idle in transaction", node, shown.size(), all.size(), active, waiting, idleInTx));
    }

    public Optional<SessionRow> row(int pid) {
        return all.stream().filter(r -> r.pid() == pid).findFirst();
    }

    public String node() {
        return node;
    }

    public ObservableList<SessionRow> rows() {
        return rows;
    }

    public ObjectProperty<SessionFilter> filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }
}
