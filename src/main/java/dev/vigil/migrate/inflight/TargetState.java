package dev.vigil.migrate.inflight;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The suspected migration's backend as read now; empty {@code backendStart} means it has ended. */
record TargetState(int pid, Optional<OffsetDateTime> backendStart, String state, String user, String application,
                   String query, List<String> strongLocks, int blockedDirectly, int waitingTotal) {
    TargetState {
        strongLocks = List.copyOf(strongLocks);
    }

    static TargetState gone(int pid) {
        return new TargetState(pid, Optional.empty(), "", "", "", "", List.of(), 0, 0);
    }

    boolean alive() {
        return backendStart.isPresent();
    }

    boolean idleInTransaction() {
        return state.startsWith("idle in transaction");
    }

    /** The tables it holds strong locks on: "shop.orders" from "AccessExclusiveLock on shop.orders". */
    List<String> lockedRelations() {
        return strongLocks.stream().map(l -> l.substring(l.indexOf(" on ") + 4)).distinct().toList();
    }
}
