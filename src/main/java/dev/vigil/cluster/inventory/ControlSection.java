package dev.vigil.cluster.inventory;

import dev.vigil.cluster.CommandTemplate;
import dev.vigil.cluster.ControlSettings.Kind;
import dev.vigil.cluster.ControlSettings.NodeCommands;
import dev.vigil.cluster.ControlSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.inventory.InventoryFile.Bad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Binds a cluster's {@code control:} mapping of clusters.yaml (docs/configuration.md, "Node control"). */
final class ControlSection {
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    private static final Set<String> KEYS = Set.of("type", "timeout", "nodes");
    private static final List<String> COMMANDS = List.of("stop", "start", "status", "fence", "make_standby", "rewind",
            "reclone", "control_data");
    /** The commands that act relative to another node: the only ones where the upstream placeholders mean anything. */
    private static final Set<String> WITH_UPSTREAM = Set.of("make_standby", "rewind", "reclone");
    private static final Pattern SHELL_SAFE_HOST = Pattern.compile("[A-Za-z0-9._:%/\\[\\]-]+");

    private final InventoryFile file;
    private final String context;

    private ControlSection(InventoryFile file, String clusterName) {
        this.file = file;
        this.context = "cluster '" + clusterName + "', control";
    }

    static ControlSettings read(Node node, String clusterName, List<NodeEndpoint> endpoints, InventoryFile file)
            throws Bad {
        return new ControlSection(file, clusterName).read(node, endpoints);
    }

    private ControlSettings read(Node node, List<NodeEndpoint> endpoints) throws Bad {
        List<String> nodeNames = endpoints.stream().map(NodeEndpoint::name).toList();
        Map<String, Node> map = file.mapping(node, "control", KEYS);
        if (!map.containsKey("type")) {
            throw new Bad(node, context + ": 'type' is required: 'command' (run the commands under 'nodes') or 'none'");
        }
        String type = file.scalar(map.get("type"), "type").strip();
        Kind kind = switch (type) {
            case "command" -> Kind.COMMAND;
            case "none" -> Kind.NONE;
            default -> throw new Bad(map.get("type"), context + ": type '" + type + "' is not one of command, none");
        };
        Duration timeout = map.containsKey("timeout")
                ? file.duration(map.get("timeout"), "timeout", MIN_TIMEOUT, MAX_TIMEOUT, "1s to 24h")
                : ControlSettings.DEFAULT_TIMEOUT;
        Map<String, NodeCommands> nodes = map.containsKey("nodes") ? nodes(map.get("nodes"), nodeNames) : Map.of();
        if (kind == Kind.COMMAND && nodes.isEmpty()) {
            throw new Bad(map.getOrDefault("nodes", node), context + ": type 'command' needs 'nodes:' with the "
                    + "commands of at least one node");
        }
        if (kind == Kind.COMMAND) {
            checkHosts(node, endpoints);
        }
        return new ControlSettings(kind, nodes, timeout);
    }

    /**
     * ssh joins its arguments into one line for the remote shell, so a value put into a command must not hold
     * anything that shell would act on. Node names are checked already and ports are numbers; hosts are checked
     * here, as names, addresses or a socket directory.
     */
    private void checkHosts(Node node, List<NodeEndpoint> endpoints) throws Bad {
        for (NodeEndpoint endpoint : endpoints) {
            if (!SHELL_SAFE_HOST.matcher(endpoint.host()).matches()) {
                throw new Bad(node, context + ": node '" + endpoint.name() + "' has host '" + endpoint.host() + "', "
                        + "which holds characters a shell would act on (a remote shell reads what ssh sends); "
                        + "give a host name, an IP address or a socket directory");
            }
        }
    }

    private Map<String, NodeCommands> nodes(Node node, List<String> nodeNames) throws Bad {
        if (!(node instanceof MappingNode mapping)) {
            throw new Bad(node, context + ": 'nodes' must map each node's name to its commands ('db1:' then "
                    + "'stop: [...]' and so on)");
        }
        Map<String, NodeCommands> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = file.scalar(tuple.getKeyNode(), "a node name").strip();
            if (!nodeNames.contains(name)) {
                throw new Bad(tuple.getKeyNode(), context + ": '" + name + "' is not a node of this cluster (its "
                        + "nodes: " + String.join(", ", nodeNames) + "); use the names under the cluster's 'nodes:'");
            }
            if (result.containsKey(name)) {
                throw new Bad(tuple.getKeyNode(), context + ": node '" + name + "' appears twice");
            }
            result.put(name, commands(tuple.getValueNode(), name));
        }
        return result;
    }

    private NodeCommands commands(Node node, String nodeName) throws Bad {
        Map<String, Node> map = file.mapping(node, context + " of node '" + nodeName + "'", Set.copyOf(COMMANDS));
        List<Optional<List<String>>> argvs = new ArrayList<>();
        for (String key : COMMANDS) {
            argvs.add(map.containsKey(key) ? Optional.of(argv(map.get(key), key, nodeName)) : Optional.empty());
        }
        return new NodeCommands(argvs.get(0), argvs.get(1), argvs.get(2), argvs.get(3), argvs.get(4), argvs.get(5),
                argvs.get(6), argvs.get(7));
    }

    private List<String> argv(Node node, String key, String nodeName) throws Bad {
        String what = context + " of node '" + nodeName + "', '" + key + "'";
        if (node instanceof ScalarNode) {
            throw new Bad(node, what + " must be a list of arguments such as [ssh, " + nodeName + ", sudo, "
                    + "systemctl, stop, postgresql], not one string: commands run without a shell, so nothing would "
                    + "split a line into words");
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw new Bad(node, what + " must be a non-empty list of arguments");
        }
        List<String> argv = new ArrayList<>();
        for (Node argument : sequence.getValue()) {
            int position = argv.size() + 1;
            if (argument instanceof MappingNode) {
                throw new Bad(argument, what + ": argument " + position + " is a mapping, not a string. A "
                        + "placeholder on its own in a [...] list must be quoted: \"{node}\"");
            }
            if (!(argument instanceof ScalarNode scalar)) {
                throw new Bad(argument, what + ": argument " + position + " is a list; each argument must be one "
                        + "string");
            }
            checkPlaceholders(scalar, key, what);
            argv.add(scalar.getValue());
        }
        if (argv.get(0).isBlank()) {
            throw new Bad(sequence.getValue().get(0), what + ": the first argument, the program to run, is empty");
        }
        return List.copyOf(argv);
    }

    private void checkPlaceholders(ScalarNode argument, String key, String what) throws Bad {
        for (String name : CommandTemplate.names(argument.getValue())) {
            if (!CommandTemplate.ALL.contains(name)) {
                throw new Bad(argument, what + ": unknown placeholder {" + name + "} (known: "
                        + CommandTemplate.ALL.stream().sorted().map(n -> "{" + n + "}")
                                .collect(Collectors.joining(", "))
                        + "; write {{ and }} for literal braces)");
            }
            if (!name.equals(CommandTemplate.NODE) && !WITH_UPSTREAM.contains(key)) {
                throw new Bad(argument, what + ": {" + name + "} has no value here; only make_standby, rewind and "
                        + "reclone have an upstream node");
            }
        }
    }
}
