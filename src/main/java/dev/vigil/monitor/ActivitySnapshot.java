package dev.vigil.monitor;

import java.time.Instant;
import java.util.List;

/** All backends at one moment, with the active-session wait profile derived from them. */
public record ActivitySnapshot(Instant at, List<SessionActivity> sessions, WaitProfile waitProfile) {
    public ActivitySnapshot {
        sessions = List.copyOf(sessions);
    }

    public long clientSessions() {
        return sessions.stream().filter(SessionActivity::isClientBackend).count();
    }

    public long idleInTransaction() {
        return sessions.stream().filter(SessionActivity::isIdleInTransaction).count();
    }
}
