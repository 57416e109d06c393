package dev.vigil.cluster.inventory;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.ConnectionFailures;
import dev.vigil.cluster.ControlSettings;
import dev.vigil.cluster.InventoryProblem.Severity;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.OperatorAccess;
import dev.vigil.cluster.PasswordLookup;
import dev.vigil.cluster.PasswordSource;
import dev.vigil.cluster.SslMode;
import dev.vigil.cluster.SslSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code clusters.yaml} (format in docs/configuration.md). The YAML is only composed into a node tree,
 * never turned into objects by the parser, and every node keeps its line, so each problem names
 * {@code file:line}. A problem inside one cluster keeps that cluster out and the others in; a problem at the top
 * or in {@code defaults} keeps the whole file out, since every cluster depends on it.
 */
public final class InventoryFile {
    public static final String PATH_PROPERTY = "vigil.config";
    public static final String PATH_ENV = "VIGIL_CONFIG";

    private static final Set<String> TOP_KEYS = Set.of("defaults", "clusters", "alerts");
    private static final Set<String> SETTING_KEYS = Set.of("port", "database", "user", "sslmode", "sslrootcert", "jdbc");
    /** Who actions log in as: per cluster or in defaults, never per node (one operator role per cluster). */
    private static final String ACTIONS_USER = "actions_user";
    private static final Set<String> DEFAULT_KEYS = union(SETTING_KEYS, Set.of(ACTIONS_USER));
    private static final Set<String> CLUSTER_KEYS = union(SETTING_KEYS, Set.of("name", "nodes", "interval", "migrations", ACTIONS_USER,
            "control", "connect_timeout", "down_after"));
    private static final Set<String> NODE_KEYS = union(SETTING_KEYS, Set.of("name", "host"));
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private final Path file;
    private final PasswordLookup passwords;
    private final List<InventoryProblem> problems = new ArrayList<>();
    private final Map<String, Double> alertOverrides = new LinkedHashMap<>();

    private InventoryFile(Path file, PasswordLookup passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    /** {@code -Dvigil.config}, else {@code VIGIL_CONFIG}, else {@code $XDG_CONFIG_HOME/vigil/clusters.yaml}. */
    public static Path defaultPath() {
        String configured = Optional.ofNullable(System.getProperty(PATH_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(PATH_ENV))).filter(s -> !s.isBlank()).orElse(null);
        if (configured != null) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("vigil").resolve("clusters.yaml");
    }

    public static Inventory load(Path file, PasswordLookup passwords) {
        InventoryFile loader = new InventoryFile(file, passwords);
        List<ClusterDefinition> clusters = loader.read();
        List<InventoryProblem> all = new ArrayList<>(passwords.problems());
        all.addAll(loader.problems);
        return new Inventory(clusters, all, loader.alertOverrides);
    }

    private List<ClusterDefinition> read() {
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            options.setCodePointLimit(1_000_000);
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (NoSuchFileException e) {
            problem(Severity.ERROR, file.toString(), "file not found. Create it (see docs/configuration.md) or pass "
                    + "another with --config.");
            return List.of();
        } catch (MarkedYAMLException e) {
            // Braces open a mapping inside [...]: the likely cause is a control command's placeholder.
            String hint = String.valueOf(e.getProblem()).endsWith("got {")
                    ? " Inside a [...] list, quote each argument that holds a placeholder: \"--x={node}\"." : "";
            problem(Severity.ERROR, file + ":" + yamlErrorLine(e), "not valid YAML: " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")") + "." + hint
                    + " Nothing was loaded.");
            return List.of();
        } catch (IOException | RuntimeException e) {
            problem(Severity.ERROR, file.toString(), "cannot be read: " + e.getMessage());
            return List.of();
        }
        if (root == null) {
            problem(Severity.ERROR, file.toString(), "is empty; it needs a 'clusters:' list. Nothing was loaded.");
            return List.of();
        }
        Settings defaults;
        SequenceNode clusterList;
        try {
            Map<String, Node> top = mapping(root, "the file", TOP_KEYS);
            defaults = top.containsKey("defaults")
                    ? Settings.BUILT_IN.override(mapping(top.get("defaults"), "defaults", DEFAULT_KEYS), this)
                    : Settings.BUILT_IN;
            if (top.containsKey("alerts")) {
                alertOverrides.putAll(alerts(top.get("alerts")));
            }
            if (!top.containsKey("clusters")) {
                throw new Bad(root, "there is no 'clusters:' list");
            }
            if (!(top.get("clusters") instanceof SequenceNode list)) {
                throw new Bad(top.get("clusters"), "'clusters' must be a list of clusters ('- name: ...')");
            }
            clusterList = list;
        } catch (Bad e) {
            problem(Severity.ERROR, e.where(file), e.getMessage() + ". Nothing was loaded.");
            return List.of();
        }
        List<ClusterDefinition> clusters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node clusterNode : clusterList.getValue()) {
            int problemsBefore = problems.size();
            try {
                ClusterDefinition cluster = cluster(clusterNode, defaults);
                if (!names.add(cluster.name())) {
                    throw new Bad(clusterNode, "cluster name '" + cluster.name() + "' is used twice");
                }
                clusters.add(cluster);
            } catch (Bad e) {
                // Warnings about the nodes of a cluster that is not loaded would only distract from its error.
                problems.subList(problemsBefore, problems.size()).clear();
                problem(Severity.ERROR, e.where(file), e.getMessage() + "; this cluster is not loaded, the others are.");
            }
        }
        return clusters;
    }

    private ClusterDefinition cluster(Node node, Settings defaults) throws Bad {
        Map<String, Node> map = mapping(node, "a cluster", CLUSTER_KEYS);
        String name = name(map, node, "cluster");
        Settings settings = defaults.override(map, this);
        if (!(map.get("nodes") instanceof SequenceNode nodeList) || nodeList.getValue().isEmpty()) {
            throw new Bad(map.getOrDefault("nodes", node), "cluster '" + name + "' needs a 'nodes:' list with at least one node");
        }
        List<NodeEndpoint> nodes = new ArrayList<>();
        Set<String> nodeNames = new HashSet<>();
        for (Node n : nodeList.getValue()) {
            NodeEndpoint endpoint = node(n, settings, name);
            if (!nodeNames.add(endpoint.name())) {
                throw new Bad(n, "cluster '" + name + "': node name '" + endpoint.name() + "' is used twice");
            }
            nodes.add(endpoint);
        }
        Duration interval = map.containsKey("interval")
                ? duration(map.get("interval"), "interval", MIN_INTERVAL, MAX_INTERVAL, "100ms to 60s")
                : ClusterDefinition.DEFAULT_INTERVAL;
        ControlSettings control = map.containsKey("control")
                ? ControlSection.read(map.get("control"), name, nodes, this) : ControlSettings.NONE;
        Optional<Path> migrations = map.containsKey("migrations")
                ? Optional.of(migrationsFolder(map.get("migrations"))) : Optional.empty();
        ClusterDefinition.NodeTimeouts timeouts = new ClusterDefinition.NodeTimeouts(
                map.containsKey("connect_timeout") ? duration(map.get("connect_timeout"), "connect_timeout",
                        MIN_INTERVAL, MAX_INTERVAL, "100ms to 60s") : MonitorConnectionSettings.DEFAULT_CONNECT_TIMEOUT,
                map.containsKey("down_after") ? duration(map.get("down_after"), "down_after", MIN_INTERVAL,
                        MAX_INTERVAL, "100ms to 60s") : MonitorConnectionSettings.DEFAULT_DOWN_AFTER);
        return new ClusterDefinition(name, nodes, interval,
                settings.actionsUser().map(u -> new OperatorAccess(u, passwords)), control, migrations, timeouts);
    }

    /** A folder of Flyway-convention scripts; a relative path is taken from this file's directory. */
    private Path migrationsFolder(Node node) throws Bad {
        Path folder = expandHome(nonEmpty(node, "migrations"));
        Path base = file.toAbsolutePath().getParent();
        return folder.isAbsolute() || base == null ? folder : base.resolve(folder).normalize();
    }

    private NodeEndpoint node(Node node, Settings inherited, String clusterName) throws Bad {
        Map<String, Node> map = mapping(node, "a node", NODE_KEYS);
        String name = name(map, node, "node");
        String context = "cluster '" + clusterName + "', node '" + name + "'";
        Node hostNode = map.get("host");
        String host = hostNode == null ? "" : scalar(hostNode, "host").strip();
        if (host.isEmpty()) {
            throw new Bad(hostNode == null ? node : hostNode, context + ": 'host' is required");
        }
        Settings s = inherited.override(map, this);
        s.check(node, context);
        Optional<PasswordLookup.Password> password = passwords.find(host, s.port(), s.database(), s.user());
        if (password.isEmpty()) {
            problem(Severity.WARNING, where(node), context + ": no password for " + s.user() + "@" + host + ":"
                    + s.port() + "/" + s.database() + " in " + passwords.describe() + ". "
                    + ConnectionFailures.addPasswordAdvice(passwords, host, s.port(), s.database(), s.user())
                    + ", unless the server needs none.");
        }
        return new NodeEndpoint(name, host, s.port(), s.database(), s.user(),
                password.map(PasswordLookup.Password::value).orElse(""),
                password.map(PasswordLookup.Password::source).orElse(PasswordSource.NONE),
                new SslSettings(s.sslMode(), s.rootCert()), s.jdbc(),
                password.map(PasswordLookup.Password::origin).orElse("none found in " + passwords.describe()));
    }

    /**
     * The line the operator must fix. SnakeYAML's problem mark is where it gave up, which for a key without its
     * ':', an unclosed quote or an unclosed [ or { is the next token, often the next line; its context mark is
     * where that key, scalar or collection began, which is the line at fault. For other errors (a line indented
     * wrongly, a tab) the problem mark is the line itself.
     */
    static int yamlErrorLine(MarkedYAMLException e) {
        String context = String.valueOf(e.getContext());
        boolean startedEarlier = e.getContextMark() != null && (context.startsWith("while scanning a simple key")
                || context.startsWith("while scanning a quoted scalar") || context.startsWith("while parsing a flow")
                || context.startsWith("while scanning a block scalar"));
        if (startedEarlier) {
            return e.getContextMark().getLine() + 1;
        }
        return e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
    }

    // --- the settings that cascade: built-in, then defaults, then cluster, then node ------------------------

    private record Settings(int port, String database, String user, SslMode sslMode, Optional<Path> rootCert,
                            Map<String, String> jdbc, Optional<String> actionsUser) {
        static final Settings BUILT_IN = new Settings(5432, "postgres", "vigil_monitor", SslMode.PREFER,
                Optional.empty(), Map.of(), Optional.empty());

        Settings override(Map<String, Node> map, InventoryFile f) throws Bad {
            int newPort = map.containsKey("port") ? f.port(map.get("port")) : port;
            String newDb = map.containsKey("database") ? f.nonEmpty(map.get("database"), "database") : database;
            String newUser = map.containsKey("user") ? f.nonEmpty(map.get("user"), "user") : user;
            SslMode newMode = sslMode;
            if (map.containsKey("sslmode")) {
                String text = f.scalar(map.get("sslmode"), "sslmode");
                newMode = SslMode.parse(text).orElseThrow(() -> new Bad(map.get("sslmode"), "sslmode '" + text
                        + "' is not one of disable, allow, prefer, require, verify-ca, verify-full"));
            }
            Optional<Path> newRoot = map.containsKey("sslrootcert")
                    ? Optional.of(expandHome(f.nonEmpty(map.get("sslrootcert"), "sslrootcert"))) : rootCert;
            Map<String, String> newJdbc = new LinkedHashMap<>(jdbc);
            if (map.containsKey("jdbc")) {
                newJdbc.putAll(JdbcProperties.checked(f.stringMap(map.get("jdbc"), "jdbc"), map.get("jdbc")));
            }
            Optional<String> newActionsUser = map.containsKey(ACTIONS_USER)
                    ? Optional.of(f.nonEmpty(map.get(ACTIONS_USER), ACTIONS_USER)) : actionsUser;
            return new Settings(newPort, newDb, newUser, newMode, newRoot, newJdbc, newActionsUser);
        }

        /** verify-ca and verify-full need a root certificate that exists: where pgJDBC would look, or the one named. */
        void check(Node node, String context) throws Bad {
            if (sslMode.verifiesCertificate()) {
                Path cert = rootCert.orElse(Path.of(System.getProperty("user.home"), ".postgresql", "root.crt"));
                if (!Files.isReadable(cert)) {
                    throw new Bad(node, context + ": sslmode " + sslMode.pgName() + " needs the CA certificate, but "
                            + cert + " is not readable. Set 'sslrootcert:' to the CA file that signed the server's "
                            + "certificate");
                }
            }
        }
    }

    // --- YAML helpers ---------------------------------------------------------------------------------------

    Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws Bad {
        if (!(node instanceof MappingNode mapping)) {
            throw new Bad(node, what + " must be a mapping of 'key: value' lines");
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (key.equals("password")) {
                throw new Bad(tuple.getKeyNode(), "passwords never go in this file; put them in ~/.pgpass (mode 0600)"
                        + " or PGPASSFILE");
            }
            if (!allowed.contains(key)) {
                throw new Bad(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            if (result.put(key, tuple.getValueNode()) != null) {
                throw new Bad(tuple.getKeyNode(), "key '" + key + "' appears twice in " + what);
            }
        }
        return result;
    }

    private Map<String, String> stringMap(Node node, String what) throws Bad {
        if (!(node instanceof MappingNode mapping)) {
            throw new Bad(node, "'" + what + "' must be a mapping of 'property: value' lines");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            result.put(scalar(tuple.getKeyNode(), "a key"), scalar(tuple.getValueNode(), "a value"));
        }
        return result;
    }

    String scalar(Node node, String what) throws Bad {
        if (!(node instanceof ScalarNode scalar)) {
            throw new Bad(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    private String nonEmpty(Node node, String what) throws Bad {
        String value = scalar(node, what).strip();
        if (value.isEmpty()) {
            throw new Bad(node, "'" + what + "' is empty");
        }
        return value;
    }

    private int port(Node node) throws Bad {
        String text = scalar(node, "port");
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 1 || port > 65535) {
                throw new Bad(node, "port " + port + " is out of range (1-65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new Bad(node, "port '" + text + "' is not a number");
        }
    }

    private Map<String, Double> alerts(Node node) throws Bad {
        Map<String, Double> result = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : mapping(node, "alerts", AlertSettingNames.ALL).entrySet()) {
            String text = scalar(e.getValue(), e.getKey());
            try {
                double value = Double.parseDouble(text.strip());
                if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new NumberFormatException();
                }
                result.put(e.getKey(), value);
            } catch (NumberFormatException ex) {
                throw new Bad(e.getValue(), "alerts: " + e.getKey() + " '" + text + "' is not a non-negative number");
            }
        }
        return result;
    }

    /** "500ms", "1s", "2" (seconds), "10m", "1h"; between {@code min} and {@code max}, described as {@code range}. */
    Duration duration(Node node, String what, Duration min, Duration max, String range) throws Bad {
        String text = scalar(node, what).strip();
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new Bad(node, what + " '" + text + "' is not a duration like 500ms, 90s, 10m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new Bad(node, what + " '" + text + "' is outside " + range);
        }
        return d;
    }

    private String name(Map<String, Node> map, Node owner, String what) throws Bad {
        if (!map.containsKey("name")) {
            throw new Bad(owner, "a " + what + " needs a 'name:'");
        }
        String name = scalar(map.get("name"), "name").strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new Bad(map.get("name"), what + " name '" + name + "' may use letters, digits, '.', '_' and '-' only");
        }
        return name;
    }

    private static Path expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }

    private String where(Node node) {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }

    private void problem(Severity severity, String where, String message) {
        problems.add(new InventoryProblem(severity, where, message));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** A problem at a YAML node; caught at the level whose content it invalidates. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Node node;

        Bad(Node node, String message) {
            super(message);
            this.node = node;
        }

        String where(Path file) {
            return file + ":" + (node.getStartMark().getLine() + 1);
        }
    }
}
