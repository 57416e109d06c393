package dev.vigil.ui.common;

import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One backend as the Sessions view lists it: its activity, and from the lock snapshot whom it waits on, whom it
 * holds up and the lock it waits for.
 */
public record SessionRow(SessionActivity activity, List<Integer> blockedBy, List<Integer> blocking,
                         Optional<WaitingLock> waitingFor) {
    /** A query running this long is "long-running" in the table's colours. */
    public static final Duration LONG_RUNNING = Duration.ofSeconds(30);

    public SessionRow {
        blockedBy = List.copyOf(blockedBy);
        blocking = List.copyOf(blocking);
    }

    public static SessionRow of(SessionActivity activity, Optional<LockSession> lock, List<Integer> blocking) {
        return new SessionRow(activity, lock.map(LockSession::blockedBy).orElse(List.of()), blocking,
                lock.flatMap(LockSession::waitingFor));
    }

    public int pid() {
        return activity.pid();
    }

    public boolean isWaitingOnLock() {
        return !blockedBy.isEmpty() || "Lock".equals(activity.waitEventType());
    }

    public boolean isLongRunning() {
        return activity.isActive() && activity.queryAge().map(a -> a.compareTo(LONG_RUNNING) >= 0).orElse(false);
    }

    /** The age the "older than" filter and the table use: the transaction's, else the query's. */
    public Optional<Duration> age() {
        return activity.transactionAge().or(activity::queryAge);
    }

    public String waitText() {
        if (activity.waitEventType().isEmpty()) {
            return activity.isActive() ? "CPU" : "";
        }
        String base = activity.waitEventType() + ": " + activity.waitEvent();
        return waitingFor.map(l -> base + " · " + l.mode() + (l.lockType().equals("relation")
                ? l.relation().map(r -> " on " + r).orElse("") : " for " + l.awaited())).orElse(base);
    }
}
