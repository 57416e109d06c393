package dev.vigil.cluster;

import dev.vigil.sql.Lsn;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One node as last seen: reachable or not, and if so its role, version and replication position. Immutable;
 * a new one arrives each tick.
 *
 * @param walLsn where a primary's WAL ends now ({@code pg_current_wal_lsn()}); empty on a standby. The last one
 *               seen is what a failover's data-loss estimate compares the standbys with.
 */
public record NodeStatus(String node, String address, Reachability reachability, String error,
                         String version, int versionNum, boolean inRecovery, Optional<String> upstreamAddress,
                         Optional<String> receiverState, Optional<Integer> timeline, Optional<Long> replayBacklogBytes,
                         Optional<Lsn> walLsn, Optional<Instant> serverStartedAt, Instant sampledAt, Duration roundTrip) {

    public enum Reachability { CONNECTING, UP, DOWN }

    public static NodeStatus connecting(NodeEndpoint endpoint) {
        return new NodeStatus(endpoint.name(), endpoint.address(), Reachability.CONNECTING, "", "", 0, false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Instant.now(), Duration.ZERO);
    }

    public static NodeStatus down(NodeEndpoint endpoint, String error, Instant at, Duration roundTrip) {
        return new NodeStatus(endpoint.name(), endpoint.address(), Reachability.DOWN, error, "", 0, false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                at, roundTrip);
    }

    public boolean isUp() {
        return reachability == Reachability.UP;
    }

    public Role role() {
        if (!isUp()) {
            return Role.UNKNOWN;
        }
        return inRecovery ? Role.STANDBY : Role.PRIMARY;
    }

    public enum Role { PRIMARY, STANDBY, UNKNOWN }
}
