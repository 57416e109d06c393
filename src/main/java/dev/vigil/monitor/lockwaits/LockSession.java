package dev.vigil.monitor.lockwaits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A backend that waits on a lock, or that another backend waits on. {@code blockedBy} is what
 * {@code pg_blocking_pids()} said: empty for a session that blocks others but waits on nothing.
 * {@code strong} are the granted SHARE-or-stronger table locks a blocker holds ("AccessExclusiveLock on
 * shop.orders"): what a migration takes.
 */
public record LockSession(int pid, List<Integer> blockedBy, String user, String database, String application,
                          String state, String waitEventType, String waitEvent, Optional<Instant> transactionStart,
                          Optional<Instant> queryStart, String query, Optional<WaitingLock> waitingFor,
                          List<HeldLock> strong) {
    public LockSession {
        blockedBy = List.copyOf(blockedBy);
        strong = List.copyOf(strong);
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

    /** The strong locks held, as "AccessExclusiveLock on shop.orders". */
    public List<String> strongLocks() {
        return strong.stream().map(HeldLock::describe).toList();
    }

    /** The same session with every table reference passed through {@code naming}. */
    LockSession withTables(UnaryOperator<RelationRef> naming) {
        return new LockSession(pid, blockedBy, user, database, application, state, waitEventType, waitEvent,
                transactionStart, queryStart, query,
                waitingFor.map(w -> w.table().map(t -> w.withTable(naming.apply(t))).orElse(w)),
                strong.stream().map(h -> new HeldLock(h.mode(), naming.apply(h.relation()))).toList());
    }
}
