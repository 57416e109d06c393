package dev.vigil.monitor.lockwaits;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who waits on whom on a node at one moment ({@code at} is the server's clock). Empty when nobody waits. */
public record LockSnapshot(Instant at, List<LockSession> sessions) {
    public LockSnapshot {
        sessions = List.copyOf(sessions);
    }

    public Optional<LockSession> session(int pid) {
        return sessions.stream().filter(s -> s.pid() == pid).findFirst();
    }

    public Map<Integer, LockSession> byPid() {
        return sessions.stream().collect(Collectors.toMap(LockSession::pid, Function.identity(), (a, b) -> a));
    }

    public long waitingCount() {
        return sessions.stream().filter(LockSession::isWaiting).count();
    }
}
