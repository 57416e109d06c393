package dev.vigil.ui.common;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.session.HeldLocks;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;

/**
 * The locks the selected session holds and awaits, read once when the selection changes (never per tick), off
 * the FX thread; a result for a session no longer selected is dropped.
 */
public final class HeldLocksLabel extends Label {
    private final TaskExecutor tasks;
    private String shownKey;

    public HeldLocksLabel(TaskExecutor tasks) {
        this.tasks = tasks;
        setWrapText(true);
        getStyleClass().add("fact-value");
        setId("held-locks");
    }

    public void show(ClusterViewModel cluster, String node, Integer pid) {
        String key = cluster == null || pid == null ? null : cluster.name() + "/" + node + "/" + pid;
        if (Objects.equals(key, shownKey)) {
            return;
        }
        shownKey = key;
        if (key == null) {
            setText("");
            return;
        }
        NodeEndpoint endpoint = cluster.definition().nodes().stream().filter(n -> n.name().equals(node)).findFirst()
                .orElse(null);
        if (endpoint == null) {
            setText("");
            return;
        }
        setText("reading pg_locks…");
        tasks.submit(() -> HeldLocks.of(endpoint, pid), locks -> {
            if (key.equals(shownKey)) {
                setText(describe(locks));
            }
        }, error -> {
            if (key.equals(shownKey)) {
                setText("cannot read pg_locks on " + node + ": " + error.getMessage());
            }
        });
    }

    static String describe(List<HeldLocks.HeldLock> locks) {
        if (locks.isEmpty()) {
            return "none (the session ended or holds nothing)";
        }
        return String.join("\n", locks.stream().map(HeldLocks.HeldLock::describe).toList());
    }
}
