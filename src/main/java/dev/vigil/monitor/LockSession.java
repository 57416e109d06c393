package dev.vigil.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A backend that waits on a lock, or that another backend waits on. {@code blockedBy} is what
 * {@code pg_blocking_pids()} said: empty for a session that blocks others but waits on nothing.
 * {@code strongLocks} are the SHARE-or-stronger table locks a blocker holds ("AccessExclusiveLock on
 * shop.orders"): what a migration takes.
 */
public record LockSession(int pid, List<Integer> blockedBy, String user, String database, String application,
                          String state, String waitEventType, String waitEvent, Optional<Instant> transactionStart,
                          Optional<Instant> queryStart, String query, Optional<WaitingLock> waitingFor,
                          List<String> strongLocks) {
    public LockSession {
        blockedBy = List.copyOf(blockedBy);
        strongLocks = List.copyOf(strongLocks);
    }

    public LockSession(int pid, List<Integer> blockedBy, String user, String database, String application, String state,
                       String waitEventType, String waitEvent, Optional<Instant> transactionStart,
                       Optional<Instant> queryStart, String query, Optional<WaitingLock> waitingFor) {
        this(pid, blockedBy, user, database, application, state, waitEventType, waitEvent, transactionStart, queryStart,
                query, waitingFor, List.of());
    }

    public boolean isWaiting() {
        return !blockedBy.isEmpty();
    }
}
