package dev.vigil.cli.migrate;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What `migrate status`, `apply` and `rollback` share: where the scripts are, the node, Flyway's schema. */
final class MigrationOptions {
    @Option(names = "--folder", paramLabel = "DIR", description = "The folder of V<version>__<description>.sql and "
            + "U<version>__<description>.sql scripts (default: the cluster's 'migrations:' in clusters.yaml).")
    Path folder;
    @Option(names = "--node", paramLabel = "NODE", description = "The node to read or migrate (default: the node "
            + "that answers as the primary).")
    String node;
    @Option(names = "--schema", paramLabel = "SCHEMA", description = "Flyway's defaultSchema: where "
            + "flyway_schema_history is and the scripts run (default: public, and the login's search_path).")
    String schema;
}
