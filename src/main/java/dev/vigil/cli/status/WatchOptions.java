package dev.vigil.cli.status;

import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.inventory.InventoryFile;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine;

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
    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "How long a connect and login to a "
            + "node may take, apart from the sampling interval (default: the cluster's connect_timeout, else 5).")
    Double connectTimeoutSeconds;
    @Option(names = "--down-after", paramLabel = "SECONDS", description = "A node that does not answer is late, "
            + "then down once it has not answered for this long and at least two attempts failed (default: 3). "
            + "Refused connections, failed logins and a server shutting down are down at once. Default: the "
            + "cluster's down_after, else 3.")
    Double downAfterSeconds;

    /** The cluster's monitoring settings with this command line's timeouts. */
    MonitorConnectionSettings tune(MonitorConnectionSettings settings, CommandLine line) {
        MonitorConnectionSettings tuned = settings;
        if (connectTimeoutSeconds != null) {
            tuned = tuned.withConnectTimeout(seconds(connectTimeoutSeconds, "--connect-timeout", line));
        }
        if (downAfterSeconds != null) {
            tuned = tuned.withDownAfter(seconds(downAfterSeconds, "--down-after", line));
        }
        return tuned;
    }

    static Duration seconds(double seconds, String option, CommandLine line) {
        if (!(seconds > 0) || seconds > 3600) {
            throw new CommandLine.ParameterException(line, option + " must be more than 0 and at most 3600 seconds, not "
                    + seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
