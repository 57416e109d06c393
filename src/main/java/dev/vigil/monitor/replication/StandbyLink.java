package dev.vigil.monitor.replication;

import dev.vigil.sql.Lsn;
import java.time.Instant;
import java.util.Optional;

/**
 * One standby as its upstream sees it ({@code pg_stat_replication}): the stages of its WAL position, the byte lag
 * of each stage behind the upstream, and the lag times the server measured.
 */
public record StandbyLink(int pid, String applicationName, String clientAddress, String state, String syncState,
                          Optional<Lsn> sent, Optional<Lsn> written, Optional<Lsn> flushed, Optional<Lsn> replayed,
                          long sentLagBytes, long writeLagBytes, long flushLagBytes, long replayLagBytes,
                          Optional<Double> writeLagSeconds, Optional<Double> flushLagSeconds,
                          Optional<Double> replayLagSeconds, Optional<Instant> replyTime) {

    public boolean isStreaming() {
        return "streaming".equals(state);
    }

    /**
     * Replay lag in seconds as a DBA means it: the server's measurement, or 0 when it reports none because the
     * standby has replayed everything (no false lag on an idle primary).
     */
    public Optional<Double> effectiveReplayLagSeconds() {
        return replayLagSeconds.or(() -> replayLagBytes == 0 ? Optional.of(0.0) : Optional.empty());
    }
}
