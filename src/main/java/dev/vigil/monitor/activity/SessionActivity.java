package dev.vigil.monitor.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One backend as {@code pg_stat_activity} showed it; ages are relative to the server's clock at the sample. */
public record SessionActivity(int pid, String user, String database, String application, String clientAddress,
                              String backendType, String state, String waitEventType, String waitEvent,
                              Optional<Instant> backendStart, Optional<Instant> transactionStart,
                              Optional<Instant> queryStart, Optional<Instant> stateChange,
                              Optional<Integer> backendXminAge, String query, Instant serverNow) {

    public boolean isClientBackend() {
        return "client backend".equals(backendType);
    }

    /** One of Vigil's own sessions (monitoring or action), by the application_name they all carry. */
    public boolean isVigil() {
        return dev.vigil.cluster.VigilApplications.isVigil(application);
    }

    public boolean isActive() {
        return "active".equals(state);
    }

    public boolean isIdleInTransaction() {
        return state.startsWith("idle in transaction");
    }

    public Optional<Duration> transactionAge() {
        return transactionStart.map(t -> Duration.between(t, serverNow));
    }

    public Optional<Duration> queryAge() {
        return queryStart.map(t -> Duration.between(t, serverNow));
    }

    /** The wait class an active-session history counts: the wait event type, or CPU when running. */
    public String waitClass() {
        return waitEventType.isEmpty() ? WaitProfile.CPU : waitEventType;
    }
}
