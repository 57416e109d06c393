package dev.vigil.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How Vigil controls a cluster's server processes, as configured under {@code control:} in clusters.yaml: not
 * at all, or by per-node commands (argument vectors, never a shell line). Lab clusters get their control from
 * the lab itself, not from here.
 *
 * @param timeout the longest any one command may run
 */
public record ControlSettings(Kind kind, Map<String, NodeCommands> nodes, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final ControlSettings NONE = new ControlSettings(Kind.NONE, Map.of(), DEFAULT_TIMEOUT);

    public enum Kind { NONE, COMMAND }

    public ControlSettings {
        nodes = Map.copyOf(nodes);
    }

    public Optional<NodeCommands> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    /**
     * One node's commands, each an argument vector run without a shell. Arguments may hold the placeholders
     * {@code {node}}, {@code {upstream_host}} and {@code {upstream_port}}, replaced by values from the inventory
     * (see docs/configuration.md). An absent command means Vigil cannot do that on this node.
     *
     * @param status       exit 0 when the server runs, 3 when it is stopped (as {@code pg_ctl status} and
     *                     {@code systemctl is-active}); anything else is "unknown"
     * @param fence        makes sure the server is down and stays down (stop and mask, STONITH, …)
     * @param makeStandby  run while stopped: prepares the data directory to start as a standby of the upstream
     *                     (e.g. creates {@code standby.signal})
     * @param rewind       {@code pg_rewind} of the stopped data directory from the upstream
     * @param reclone      throws the data directory away and clones it from the upstream
     * @param controlData  prints {@code pg_controldata} output for the data directory
     */
    public record NodeCommands(Optional<List<String>> stop, Optional<List<String>> start, Optional<List<String>> status,
                               Optional<List<String>> fence, Optional<List<String>> makeStandby,
                               Optional<List<String>> rewind, Optional<List<String>> reclone,
                               Optional<List<String>> controlData) {
    }
}
