package dev.vigil.cli;

import dev.vigil.cluster.inventory.InventoryFile;
import dev.vigil.journal.Journal;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What `switchover`, `failover` and `rejoin` share: the cluster, the confirmation, and where it is journaled. */
public final class ActionOptions {
    @Option(names = "--cluster", required = true, paramLabel = "NAME",
            description = "The cluster (from the inventory; running labs are named lab:<name>).")
    String cluster;
    @Option(names = "--dry-run", description = "Read the topology, plan and run the prechecks; change nothing.")
    boolean dryRun;
    @Option(names = "--yes-i-typed", paramLabel = "CLUSTER",
            description = "Confirm without a prompt by giving the cluster name, as it would be typed.")
    String typed;
    @Option(names = "--acknowledge-warnings", description = "Go ahead despite precheck warnings (read them first: "
            + "try --dry-run).")
    boolean acknowledgeWarnings;
    @Option(names = "--config", paramLabel = "FILE", description = "Inventory file (default: ${DEFAULT-VALUE}).")
    public Path config = InventoryFile.defaultPath();
    @Option(names = "--journal", paramLabel = "FILE",
            description = "Journal every step here (default: ${DEFAULT-VALUE}); the fenced-node list lies beside it.")
    Path journal = Journal.defaultPath();
}
