package dev.vigil.monitor.activity;

import java.time.Instant;
import java.util.List;

/** All backends at one moment, with the active-session wait profile derived from them. */
public record ActivitySnapshot(Instant at, List<SessionActivity> sessions, WaitProfile waitProfile) {
    public ActivitySnapshot {
        sessions = List.copyOf(sessions);
    }

    /** This snapshot without Vigil's own sessions (wait profile recomputed), unless {@code includeSelf}. */
    public ActivitySnapshot visible(boolean includeSelf) {
        if (includeSelf || sessions.stream().noneMatch(SessionActivity::isVigil)) {
            return this;
        }
        List<SessionActivity> others = sessions.stream().filter(s -> !s.isVigil()).toList();
        return new ActivitySnapshot(at, others, WaitProfile.of(others));
    }

    public long clientSessions() {
        return sessions.stream().filter(SessionActivity::isClientBackend).count();
    }

    public long idleInTransaction() {
        return sessions.stream().filter(SessionActivity::isIdleInTransaction).count();
    }
}
