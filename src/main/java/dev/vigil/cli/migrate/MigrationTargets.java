package dev.vigil.cli.migrate;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.migrate.MigrationSettings;
import dev.vigil.migrate.MigrationTarget;
import dev.vigil.migrate.source.FlywayFolder;
import dev.vigil.ops.TopologyReader;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.ops.workflow.WorkflowContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the command line's cluster, folder and node into a {@link MigrationTarget}. Everything the operator can
 * correct (no folder, a folder that is not there, an unknown node, no primary to be found) is an
 * IllegalArgumentException whose message names what is wrong and what to do.
 */
final class MigrationTargets {
    private MigrationTargets() {}

    static MigrationTarget resolve(ClusterDefinition cluster, MigrationOptions options, Path config) {
        Path folder = folder(cluster, options, config);
        String node = options.node != null ? options.node : primary(cluster);
        MigrationSettings settings = options.schema == null ? MigrationSettings.defaults()
                : MigrationSettings.defaults().withFlywaySchema(options.schema);
        return MigrationTarget.of(cluster, node, new FlywayFolder(folder), settings);
    }

    static Path folder(ClusterDefinition cluster, MigrationOptions options, Path config) {
        String origin;
        Path folder;
        if (options.folder != null) {
            folder = options.folder.toAbsolutePath().normalize();
            origin = "given with --folder";
        } else if (cluster.migrations().isPresent()) {
            folder = cluster.migrations().get();
            origin = "the 'migrations:' of cluster " + cluster.name() + " in " + config;
        } else {
            throw new IllegalArgumentException("cluster " + cluster.name() + " has no migrations folder: give one "
                    + "with --folder DIR" + (cluster.name().startsWith(LabInventory.PREFIX) ? ""
                    : ", or add 'migrations: path/to/db/migration' to cluster " + cluster.name() + " in " + config
                    + " (a relative path is read from that file's folder)"));
        }
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException("migration folder " + folder + " (" + origin + ") does not exist: "
                    + "point it at the folder that holds the V<version>__<description>.sql scripts");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("migration folder " + folder + " (" + origin + ") is a file, not a "
                    + "folder: point it at the folder that holds the V<version>__<description>.sql scripts");
        }
        return folder;
    }

    /** The one node that answers as the primary now, read as a workflow reads its topology. */
    private static String primary(ClusterDefinition cluster) {
        Topology topology = TopologyReader.read(cluster, cluster.nodes(), Optional.empty(), WorkflowContext.NONE);
        List<TopologyNode> primaries = topology.nodes().stream().filter(TopologyNode::reachable)
                .filter(n -> n.role() == NodeStatus.Role.PRIMARY).toList();
        if (primaries.size() == 1) {
            return primaries.get(0).node();
        }
        String seen = topology.nodes().stream().map(TopologyNode::describe).collect(Collectors.joining("; "));
        throw new IllegalArgumentException(primaries.isEmpty()
                ? "no node of cluster " + cluster.name() + " answered as the primary (" + seen + "): migrations run "
                + "on the primary; start it, or name the node with --node NODE"
                : "more than one node of cluster " + cluster.name() + " accepts writes (" + seen + "): find out which "
                + "is the real primary and name it with --node NODE");
    }
}
