package dev.vigil.cli;

import dev.vigil.cluster.InventoryFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What `status` and `watch` watch: the inventory file, one cluster or all, whether to ask for passwords, and
 * whether Vigil's own activity is shown.
 */
final class WatchOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Inventory file (default: ${DEFAULT-VALUE}).")
    Path config = InventoryFile.defaultPath();
    @Option(names = "--cluster", paramLabel = "NAME", description = "Only this cluster (labs are named lab:<name>).")
    String cluster;
    @Option(names = "--ask-password", description = "Ask (no echo) for passwords not in ~/.pgpass or the keyring.")
    boolean askPassword;
    @Option(names = "--include-self", description = "Show Vigil's own sessions, statements and transactions too "
            + "(left out by default).")
    boolean includeSelf;
}
