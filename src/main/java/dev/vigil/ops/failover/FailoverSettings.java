package dev.vigil.ops.failover;

import java.time.Duration;

/**
 * Thresholds and time limits of switchover, failover and rejoin.
 *
 * @param maxLagBytes      a candidate further behind than this in replay gets a warning to acknowledge
 * @param maxLagSeconds    the same, in seconds of replay lag
 * @param longTransaction  transactions open longer than this on the primary are listed in a warning
 * @param catchUp          how long the candidate may take to replay the stopped primary's last record
 * @param promote          how long pg_promote may take
 * @param stream           how long a re-pointed standby may take to stream from the new primary
 * @param control          how long a stop, start, fence, rewind or re-clone may take
 */
public record FailoverSettings(long maxLagBytes, double maxLagSeconds, Duration longTransaction, Duration catchUp,
                               Duration promote, Duration stream, Duration control) {

    public static FailoverSettings defaults() {
        return new FailoverSettings(16L * 1024 * 1024, 10, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(120));
    }

    /**
     * These settings with the control limit raised to the cluster's own {@code control: timeout:} (plus a margin
     * for the provider's status and pg_control reads), so a long re-clone is not cut short.
     */
    public FailoverSettings forCluster(dev.vigil.cluster.ClusterDefinition cluster) {
        if (cluster.control().kind() != dev.vigil.cluster.ControlSettings.Kind.COMMAND) {
            return this;
        }
        Duration theirs = cluster.control().timeout().plusSeconds(10);
        return theirs.compareTo(control) > 0
                ? new FailoverSettings(maxLagBytes, maxLagSeconds, longTransaction, catchUp, promote, stream, theirs) : this;
    }

    public FailoverSettings withCatchUp(Duration d) {
        return new FailoverSettings(maxLagBytes, maxLagSeconds, longTransaction, d, promote, stream, control);
    }
}
