package dev.vigil.ops.control;

import dev.vigil.cluster.NodeEndpoint;
import java.util.Optional;

/**
 * How Vigil stops, starts and fences a cluster's servers: the one part of a switchover or failover that is not
 * SQL. Each operation is offered as a {@link ControlAction} whose command is shown verbatim in the plan, or as
 * empty when this provider cannot do it on that node (the workflow then says what to configure).
 *
 * <p>Providers: the lab ({@code pg_ctl} on this machine), user-configured commands, or none. Clusters managed by
 * an HA agent (Patroni, repmgr) are refused before any provider is asked.
 */
public interface NodeControl {

    /** "lab", "command", "none": for the journal. */
    String kind();

    /** For people: "the lab's pg_ctl on this machine", "commands from clusters.yaml". */
    String describe();

    /** A clean (fast) shutdown that returns once the server is down. */
    Optional<ControlAction> stop(String node);

    /** Starts the server with the configuration it has. */
    Optional<ControlAction> start(String node);

    /** Makes sure the server is down and cannot come back as a primary by itself. */
    Optional<ControlAction> fence(String node);

    /** While stopped: prepares the data directory to start as a standby of {@code upstream}. */
    Optional<ControlAction> makeStandby(String node, NodeEndpoint upstream);

    /** {@code pg_rewind} of the stopped node from {@code source}, where the binaries have it. */
    Optional<ControlAction> rewind(String node, NodeEndpoint source);

    /** Throws the node's data away and clones it from {@code source}; the node is left running as a standby. */
    Optional<ControlAction> reclone(String node, NodeEndpoint source);

    /** Whether the server process runs, as far as this provider can tell without SQL. */
    ProcessState state(String node);

    /** The node's pg_control, read while it is stopped: clean shutdown or not, and where the last checkpoint is. */
    Optional<ShutdownRecord> shutdownRecord(String node);
}
