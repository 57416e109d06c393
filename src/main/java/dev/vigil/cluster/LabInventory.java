package dev.vigil.cluster;

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
        List<ClusterDefinition> clusters = new ArrayList<>();
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
                clusters.add(new ClusterDefinition(PREFIX + cluster.getKey(), nodes, ClusterDefinition.DEFAULT_INTERVAL,
                        Optional.of(operator(entries, pgpass.toString()))));
            }
        }
        return new Inventory(List.of(), problems).plus(new Inventory(clusters, List.of()));
    }
}
