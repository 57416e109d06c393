package dev.vigil.ops.control;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.CommandTemplate;
import dev.vigil.cluster.ControlSettings.NodeCommands;
import dev.vigil.cluster.ControlSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.workflow.Command;
import dev.vigil.os.ArgvProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node control by the commands configured under {@code control:} in clusters.yaml. Each command is an argument
 * vector run without a shell; placeholders are filled inside each argument, so a value from the inventory can
 * never become a second argument or a shell construct. The plan shows the filled vector, quoted for a POSIX
 * shell only so that a person can read and copy it.
 *
 * <p>What commands print stays in the results and exceptions (the journal, the operator's screen), never in the
 * log: a command may print what it should not.
 */
public final class CommandNodeControl implements NodeControl {
    /** The longest {@link #state} and {@link #shutdownRecord} wait, when the configured timeout is longer. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    static final int EXIT_RUNNING = 0;
    static final int EXIT_STOPPED = 3;
    private static final int SHOWN_LINES = 20;
    private static final int SHOWN_CHARS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(CommandNodeControl.class);

    private final String clusterName;
    private final ControlSettings settings;

    private CommandNodeControl(ClusterDefinition cluster) {
        this.clusterName = cluster.name();
        this.settings = cluster.control();
    }

    /** The command provider when the cluster configures {@code type: command}, else {@link NoNodeControl}. */
    public static NodeControl of(ClusterDefinition cluster) {
        return cluster.control().kind() == ControlSettings.Kind.COMMAND ? new CommandNodeControl(cluster)
                : NoNodeControl.INSTANCE;
    }

    @Override
    public String kind() {
        return "command";
    }

    @Override
    public String describe() {
        return "commands from clusters.yaml for cluster '" + clusterName + "' (each within "
                + seconds(settings.timeout()) + ")";
    }

    @Override
    public Optional<ControlAction> stop(String node) {
        return action(node, "stop", NodeCommands::stop, null);
    }

    @Override
    public Optional<ControlAction> start(String node) {
        return action(node, "start", NodeCommands::start, null);
    }

    @Override
    public Optional<ControlAction> fence(String node) {
        return action(node, "fence", NodeCommands::fence, null);
    }

    @Override
    public Optional<ControlAction> makeStandby(String node, NodeEndpoint upstream) {
        return action(node, "make_standby", NodeCommands::makeStandby, upstream);
    }

    @Override
    public Optional<ControlAction> rewind(String node, NodeEndpoint source) {
        return action(node, "rewind", NodeCommands::rewind, source);
    }

    @Override
    public Optional<ControlAction> reclone(String node, NodeEndpoint source) {
        return action(node, "reclone", NodeCommands::reclone, source);
    }

    /** Runs {@code status}: exit 0 is running, 3 stopped (as {@code pg_ctl status}), anything else unknown. */
    @Override
    public ProcessState state(String node) {
        Optional<List<String>> argv = argv(node, NodeCommands::status, null);
        if (argv.isEmpty()) {
            return ProcessState.unknown("no 'status' command for " + node + " under 'control' in clusters.yaml");
        }
        Duration limit = shorter(PROBE_TIMEOUT, settings.timeout());
        ArgvProcess.Result result;
        try {
            result = ArgvProcess.run(argv.get(), limit);
        } catch (IOException e) {
            return ProcessState.unknown("status command could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProcessState.unknown("status command interrupted");
        }
        if (result.timedOut()) {
            return ProcessState.unknown("status command did not finish within " + seconds(limit) + "; it was killed");
        }
        String evidence = "status command exited " + result.exitCode() + lastLine(result.output());
        return switch (result.exitCode()) {
            case EXIT_RUNNING -> ProcessState.running(evidence);
            case EXIT_STOPPED -> ProcessState.stopped(evidence);
            default -> ProcessState.unknown(evidence + " (only 0, running, and 3, stopped, are understood)");
        };
    }

    /** {@link #readShutdownRecord}, with the reason for an empty answer logged (without the command's output). */
    @Override
    public Optional<ShutdownRecord> shutdownRecord(String node) {
        try {
            return readShutdownRecord(node);
        } catch (ControlException e) {
            LOG.warn("Cluster {}, node {}: pg_control not read: {}", clusterName, node, e.getMessage().lines()
                    .findFirst().orElse(""));
            return Optional.empty();
        }
    }

    /**
     * Runs {@code control_data} and reads its pg_controldata output; empty when the node has no such command.
     *
     * @throws ControlException saying why there is no answer: the command failed, or printed something else
     */
    public Optional<ShutdownRecord> readShutdownRecord(String node) throws ControlException {
        Optional<List<String>> argv = argv(node, NodeCommands::controlData, null);
        if (argv.isEmpty()) {
            return Optional.empty();
        }
        String output = run(node, "control_data", argv.get(), PROBE_TIMEOUT);
        try {
            return Optional.of(ControlDataOutput.parse(output));
        } catch (IllegalArgumentException e) {
            throw new ControlException("control_data of node " + node + " (" + ShellWords.join(argv.get())
                    + ") printed no pg_control: " + e.getMessage() + "\n" + shown(output), e);
        }
    }

    private Optional<ControlAction> action(String node, String what,
                                           Function<NodeCommands, Optional<List<String>>> pick, NodeEndpoint upstream) {
        return argv(node, pick, upstream).map(argv -> new ControlAction(Command.described(ShellWords.join(argv)),
                timeout -> forJournal(argv, run(node, what, argv, timeout))));
    }

    private Optional<List<String>> argv(String node, Function<NodeCommands, Optional<List<String>>> pick,
                                        NodeEndpoint upstream) {
        Map<String, String> values = upstream == null ? Map.of(CommandTemplate.NODE, node)
                : Map.of(CommandTemplate.NODE, node, CommandTemplate.UPSTREAM_HOST, upstream.host(),
                        CommandTemplate.UPSTREAM_PORT, Integer.toString(upstream.port()));
        return settings.node(node).flatMap(pick)
                .map(template -> template.stream().map(argument -> CommandTemplate.fill(argument, values)).toList());
    }

    /** Runs one filled vector; returns all it printed that was kept. */
    private String run(String node, String what, List<String> argv, Duration timeout) throws ControlException {
        Duration limit = shorter(timeout, settings.timeout());
        String line = ShellWords.join(argv);
        String doing = what + " of node " + node + " (" + line + ")";
        ArgvProcess.Result result;
        try {
            result = ArgvProcess.run(argv, limit);
        } catch (IOException e) {
            throw new ControlException(doing + " could not start: " + e.getMessage() + ". Check that " + argv.get(0)
                    + " exists and is on the PATH of the user running Vigil.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlResultUnknownException(doing + " was interrupted and stopped with its child processes; "
                    + "it may have done part of its work. Check the node by hand before going on.", e);
        }
        if (result.timedOut()) {
            throw new ControlResultUnknownException(doing + " did not finish within " + seconds(limit) + " and was "
                    + "killed with its child processes; it may have done part of its work (a command on another host "
                    + "may still be running). Check the node by hand before going on; if the command is only slow, "
                    + "raise 'timeout' under 'control' in clusters.yaml.\n" + shown(result.output()));
        }
        if (result.exitCode() != 0) {
            throw new ControlException(doing + " failed with exit code " + result.exitCode() + ". Run it by hand as "
                    + "the user running Vigil and fix what it says (ssh keys, sudo rules, service name, paths).\n"
                    + shown(result.output()));
        }
        return result.output();
    }

    private static String forJournal(List<String> argv, String output) {
        String tail = tail(output);
        return tail.isEmpty() ? ShellWords.join(argv) + ": exit code 0, no output" : tail;
    }

    /** The output as shown to the operator: its last lines, or a note that there was none. */
    private static String shown(String output) {
        String tail = tail(output);
        return tail.isEmpty() ? "It printed nothing." : "Output (last lines):\n" + tail;
    }

    private static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        String text = String.join("\n", lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size()));
        return text.length() <= SHOWN_CHARS ? text : "…" + text.substring(text.length() - SHOWN_CHARS);
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String last = lines.get(lines.size() - 1).strip();
        return ": " + (last.length() <= 200 ? last : last.substring(0, 200) + "…");
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
