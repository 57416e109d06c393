package dev.vigil.cluster.inventory;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.OperatorAccess;
import dev.vigil.cluster.PasswordLookup;
import dev.vigil.cluster.PasswordSource;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabJanitor;
import dev.vigil.libpq.Pgpass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lab clusters as inventory entries, watched through the least-privileged monitor role. Actions log in as the
 * lab's superuser with the lab's own password: a lab is disposable and its operator is the person who made it.
 */
public final class LabInventory {
    /** Lab clusters are named {@code lab:<cluster>}; the colon cannot appear in configured names. */
    public static final String PREFIX = "lab:";

    private LabInventory() {}

    /** A cluster this JVM started. */
    public static ClusterDefinition of(LabCluster cluster) {
        return new ClusterDefinition(cluster.name(), cluster.nodes().stream()
                .map(n -> new NodeEndpoint(n.name(), n.host(), n.port(), LabCluster.DATABASE, LabCredentials.MONITOR_USER,
                        cluster.credentials().monitorPassword()))
                .toList(), ClusterDefinition.DEFAULT_INTERVAL, Optional.of(operator(List.of(new Pgpass.Entry(
                        LabCredentials.HOST, "*", "*", LabCredentials.SUPERUSER,
                        cluster.credentials().superuserPassword())), "lab " + cluster.name())));
    }

    private static OperatorAccess operator(List<Pgpass.Entry> entries, String description) {
        return new OperatorAccess(LabCredentials.SUPERUSER, PasswordLookup.of(entries, PasswordSource.LAB,
                description + " password file"));
    }

    /** Clusters of labs running on this machine for this user ({@code vigil lab up}, tests, other windows). */
    public static Inventory running(Path labBase) {
        Map<ClusterDefinition, Long> clusters = new java.util.LinkedHashMap<>();
        List<InventoryProblem> problems = new ArrayList<>();
        for (LabJanitor.FoundLab lab : LabJanitor.scan(labBase)) {
            if (lab.stale()) {
                continue;
            }
            Path pgpass = lab.dir().resolve("pgpass");
            if (!Files.isReadable(pgpass)) {
                problems.add(new InventoryProblem(InventoryProblem.Severity.WARNING, lab.dir().toString(),
                        "this lab's password file is not readable by this user; it is not shown"));
                continue;
            }
            List<Pgpass.Entry> entries = Pgpass.read(pgpass);
            for (Map.Entry<String, Map<String, Integer>> cluster : lab.marker().clusters().entrySet()) {
                List<NodeEndpoint> nodes = cluster.getValue().entrySet().stream()
                        .map(node -> new NodeEndpoint(node.getKey(), LabCredentials.HOST, node.getValue(), LabCluster.DATABASE,
                                LabCredentials.MONITOR_USER, Pgpass.lookup(entries, LabCredentials.HOST,
                                node.getValue(), LabCluster.DATABASE, LabCredentials.MONITOR_USER).orElse("")))
                        .toList();
                clusters.put(new ClusterDefinition(PREFIX + cluster.getKey(), nodes, ClusterDefinition.DEFAULT_INTERVAL,
                        Optional.of(operator(entries, pgpass.toString()))), lab.marker().ownerPid());
            }
        }
        return new Inventory(List.of(), problems).plus(new Inventory(disambiguated(clusters), List.of()));
    }

    /**
     * Two labs on one machine may each have a cluster called "demo" (a test, a second window): then each is named
     * {@code lab:demo@<pid of the process that runs it>}, so that no command acts on the wrong one.
     */
    private static List<ClusterDefinition> disambiguated(Map<ClusterDefinition, Long> owners) {
        Map<String, Long> counts = owners.keySet().stream().collect(java.util.stream.Collectors.groupingBy(
                ClusterDefinition::name, java.util.stream.Collectors.counting()));
        return owners.entrySet().stream().map(e -> counts.get(e.getKey().name()) > 1
                ? e.getKey().withName(e.getKey().name() + "@" + e.getValue()) : e.getKey()).toList();
    }

    /** The lab's own name of a cluster named by {@link #running}: without the prefix and any {@code @pid}. */
    public static String labClusterName(String inventoryName) {
        String bare = inventoryName.startsWith(PREFIX) ? inventoryName.substring(PREFIX.length()) : inventoryName;
        int at = bare.indexOf('@');
        return at < 0 ? bare : bare.substring(0, at);
    }
}
