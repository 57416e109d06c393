package dev.vigil.lab;

import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.PgBinaries;
import dev.vigil.lab.host.ServiceUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lab clusters that another process runs ({@code vigil lab up}, a test, another window), found on disk so that
 * this process can act on their servers: stop, start, promote, fence, rewind, re-clone.
 *
 * <p>An attached {@link LabCluster} never owns its lab: nothing here shuts servers down when this process ends,
 * and the lab's directory stays with the process that created it.
 */
public final class RunningLabs {
    private RunningLabs() {}

    /**
     * The cluster called {@code clusterName} in a lab under {@code labBase} whose owner still runs and whose nodes
     * listen on exactly {@code nodePorts} (node name to port), so that two labs with a cluster of the same name
     * are never confused. Empty when there is none, or when its marker predates the recorded bin directory.
     */
    public static Optional<LabCluster> cluster(Path labBase, String clusterName, Map<String, Integer> nodePorts) {
        for (LabJanitor.FoundLab lab : LabJanitor.scan(labBase)) {
            Map<String, Integer> ports = lab.marker().clusters().get(clusterName);
            if (!lab.stale() && nodePorts.equals(ports) && lab.marker().binDir().isPresent()) {
                return Optional.of(attach(lab.dir(), lab.marker(), clusterName));
            }
        }
        return Optional.empty();
    }

    static LabCluster attach(Path labDir, LabMarker marker, String clusterName) {
        Map<String, Integer> ports = marker.clusters().get(clusterName);
        if (ports == null) {
            throw new LabException("The lab in " + labDir + " has no cluster " + clusterName + ".");
        }
        Path binDir = marker.binDir().orElseThrow(() -> new LabException("The lab in " + labDir + " was started by an "
                + "older Vigil that did not record its binaries; restart it to act on its servers."));
        Path pgpass = labDir.resolve("pgpass");
        if (!Files.isReadable(pgpass)) {
            throw new LabException("The password file of the lab in " + labDir + " is not readable by this user.");
        }
        Path clusterDir = labDir.resolve(clusterName);
        LabContext context = new LabContext(PgBinaries.inDirectory(binDir, "a running lab's (" + binDir + ")"),
                ServiceUser.owning(clusterDir), LabCredentials.fromPgpass(pgpass), labDir.resolve("replication.pgpass"));
        List<LabNode> nodes = new ArrayList<>();
        ports.forEach((node, port) -> nodes.add(new LabNode(context, clusterName, node, port, clusterDir.resolve(node),
                clusterDir.resolve("logs").resolve(node + ".log"))));
        return new LabCluster(clusterName, clusterDir, context, nodes, new StepTimings());
    }
}
