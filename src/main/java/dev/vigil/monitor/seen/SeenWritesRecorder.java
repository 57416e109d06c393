package dev.vigil.monitor.seen;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeSample;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sample subscriber that records, in {@link SeenWrites}, where each primary's WAL ended at each tick. Cheap:
 * it writes only when a primary's position changed since this process last wrote it, so at most once per tick
 * of that primary, and an idle primary costs nothing. Runs on the monitor's delivery thread, never the FX thread.
 * A failed write is logged once per cause and retried on the next change; monitoring goes on.
 */
public final class SeenWritesRecorder implements Consumer<ClusterSample> {
    private static final Logger LOG = LoggerFactory.getLogger(SeenWritesRecorder.class);
    private final SeenWrites file;
    private final String seenBy;
    private final Map<String, SeenWrite> written = new ConcurrentHashMap<>();
    private volatile String lastFailure = "";

    /** @param who what this monitor is, e.g. "vigil watch"; the pid is added */
    public SeenWritesRecorder(SeenWrites file, String who) {
        this.file = file;
        this.seenBy = who + " (pid " + ProcessHandle.current().pid() + ")";
    }

    public SeenWrites file() {
        return file;
    }

    @Override
    public void accept(ClusterSample sample) {
        List<SeenWrite> changed = new ArrayList<>();
        for (NodeSample n : sample.nodes()) {
            NodeStatus s = n.status();
            if (s.role() != NodeStatus.Role.PRIMARY || s.walLsn().isEmpty()) {
                continue;
            }
            SeenWrite w = new SeenWrite(sample.cluster(), s.node(), s.walLsn().get(), s.timeline().orElse(0),
                    s.sampledAt(), seenBy, s.serverStartedAt());
            SeenWrite before = written.get(sample.cluster() + "/" + s.node());
            if (before == null || !before.lsn().equals(w.lsn()) || before.timeline() != w.timeline()
                    || !Objects.equals(before.serverStarted(), w.serverStarted())) {
                changed.add(w);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        try {
            file.record(changed);
            changed.forEach(w -> written.put(w.cluster() + "/" + w.node(), w));
            lastFailure = "";
        } catch (UncheckedIOException e) {
            if (!e.getMessage().equals(lastFailure)) {
                lastFailure = e.getMessage();
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    /** The last write failure, if the last write failed: shown where the monitor reports its own health. */
    public Optional<String> failure() {
        return lastFailure.isEmpty() ? Optional.empty() : Optional.of(lastFailure);
    }
}
