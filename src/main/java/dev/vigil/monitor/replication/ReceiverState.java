package dev.vigil.monitor.replication;

import dev.vigil.sql.Lsn;
import java.time.Instant;
import java.util.Optional;

/**
 * This node as a standby: the WAL receiver (status, upstream, timeline) and how far replay trails what was
 * received. {@code replayDelaySeconds} is 0 when receive and replay positions are equal.
 */
public record ReceiverState(Optional<String> status, Optional<String> upstreamHost, Optional<Integer> upstreamPort,
                            Optional<Integer> receivedTimeline, Optional<Instant> lastMessageReceived,
                            Optional<Lsn> received, Optional<Lsn> replayed, Optional<Long> replayBacklogBytes,
                            boolean replayPaused, Optional<Instant> lastReplayedCommit,
                            Optional<Double> replayDelaySeconds) {

    public boolean isStreaming() {
        return status.map("streaming"::equals).orElse(false);
    }
}
