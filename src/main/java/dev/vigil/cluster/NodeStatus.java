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
 * @param lastGoodAt when the node last answered a whole sample: the age every state is shown with. For a late
 *                   node the other fields are that last good sample's (old, never to be shown as live).
 */
public record NodeStatus(String node, String address, Reachability reachability, String error,
                         String version, int versionNum, boolean inRecovery, Optional<String> upstreamAddress,
                         Optional<String> receiverState, Optional<Integer> timeline, Optional<Long> replayBacklogBytes,
                         Optional<Lsn> walLsn, Optional<Instant> serverStartedAt, Instant sampledAt, Duration roundTrip,
                         Optional<Instant> lastGoodAt) {

    /**
     * CONNECTING: not answered yet; UP: this sample is fresh; LATE: the sample is overdue (no answer yet, not long
     * enough to call it down), the last values are old; DOWN: refused, login failed, shutting down, or no answer
     * for long enough.
     */
    public enum Reachability { CONNECTING, UP, LATE, DOWN }

    /** As read from a node: an up status's last good sample is itself. */
    public NodeStatus(String node, String address, Reachability reachability, String error, String version,
                      int versionNum, boolean inRecovery, Optional<String> upstreamAddress,
                      Optional<String> receiverState, Optional<Integer> timeline, Optional<Long> replayBacklogBytes,
                      Optional<Lsn> walLsn, Optional<Instant> serverStartedAt, Instant sampledAt, Duration roundTrip) {
        this(node, address, reachability, error, version, versionNum, inRecovery, upstreamAddress, receiverState,
                timeline, replayBacklogBytes, walLsn, serverStartedAt, sampledAt, roundTrip,
                reachability == Reachability.UP ? Optional.of(sampledAt) : Optional.empty());
    }

    public static NodeStatus connecting(NodeEndpoint endpoint) {
        return new NodeStatus(endpoint.name(), endpoint.address(), Reachability.CONNECTING, "", "", 0, false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Instant.now(), Duration.ZERO);
    }

    public static NodeStatus down(NodeEndpoint endpoint, String error, Instant at, Duration roundTrip) {
        return down(endpoint, error, at, roundTrip, Optional.empty());
    }

    public static NodeStatus down(NodeEndpoint endpoint, String error, Instant at, Duration roundTrip,
                                  Optional<Instant> lastGoodAt) {
        return new NodeStatus(endpoint.name(), endpoint.address(), Reachability.DOWN, error, "", 0, false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                at, roundTrip, lastGoodAt);
    }

    /** Not answered yet: the first attempts failed without showing the node is down (a slow login, say). */
    public static NodeStatus stillConnecting(NodeEndpoint endpoint, String error, Instant at, Duration roundTrip) {
        return new NodeStatus(endpoint.name(), endpoint.address(), Reachability.CONNECTING, error, "", 0, false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                at, roundTrip, Optional.empty());
    }

    /**
     * This (up) status gone late: its values kept as the last good ones, with why the newer sample is missing.
     * Its role is then unknown (never shown as live), and {@link #lastKnownRole()} says what it was.
     */
    public NodeStatus late(String why) {
        return new NodeStatus(node, address, Reachability.LATE, why, version, versionNum, inRecovery, upstreamAddress,
                receiverState, timeline, replayBacklogBytes, walLsn, serverStartedAt, sampledAt, roundTrip,
                lastGoodAt.or(() -> Optional.of(sampledAt)));
    }

    public boolean isLate() {
        return reachability == Reachability.LATE;
    }

    public boolean isDown() {
        return reachability == Reachability.DOWN;
    }

    /** How old the newest good sample is at {@code now}; empty if the node never answered. */
    public Optional<Duration> lastGoodAge(Instant now) {
        return lastGoodAt.map(at -> Duration.between(at, now)).map(d -> d.isNegative() ? Duration.ZERO : d);
    }

    /** The role of the last good sample of an up or late node; UNKNOWN otherwise. */
    public Role lastKnownRole() {
        if (reachability != Reachability.UP && reachability != Reachability.LATE) {
            return Role.UNKNOWN;
        }
        return inRecovery ? Role.STANDBY : Role.PRIMARY;
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
