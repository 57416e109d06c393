package dev.vigil.cli.migrate;

import dev.vigil.cli.ActionOptions;
import dev.vigil.cli.GuidedAction;
import dev.vigil.cli.Json;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.inventory.InventoryFile;
import dev.vigil.migrate.ApplyMigrationsWorkflow;
import dev.vigil.migrate.MigrationReading;
import dev.vigil.migrate.MigrationRollbackWorkflow;
import dev.vigil.migrate.MigrationTarget;
import dev.vigil.migrate.inflight.StopMigrationWorkflow;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.workflow.StepFailures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
        description = "Schema migrations in the Flyway convention (V<version>__<desc>.sql with its undo "
                + "U<version>__<desc>.sql), read against flyway_schema_history, applied and rolled back under guards.",
        subcommands = {MigrateCommand.Status.class, MigrateCommand.Apply.class, MigrateCommand.Rollback.class,
                MigrateCommand.Stop.class})
public final class MigrateCommand {

    @Command(name = "status", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
            description = {"Each version as the folder and the history say it stands: applied (with its checksum "
                    + "against the file), failed, pending, which have undo scripts, the schema version, and any "
                    + "migration the node's lock graph shows holding up others now.",
                    "Exit 0 read, 1 usage (unknown cluster or node, no migrations folder, no primary), 2 the history "
                            + "could not be read."})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--cluster", required = true, paramLabel = "NAME",
                description = "The cluster (from the inventory; running labs are named lab:<name>).")
        String cluster;
        @Option(names = "--config", paramLabel = "FILE", description = "Inventory file (default: ${DEFAULT-VALUE}).")
        Path config = InventoryFile.defaultPath();
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;
        @Mixin
        MigrationOptions migrations;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<ClusterDefinition> chosen = GuidedAction.cluster(config, cluster, "migrate status", err);
            if (chosen.isEmpty()) {
                return GuidedAction.USAGE;
            }
            MigrationTarget target;
            try {
                target = MigrationTargets.resolve(chosen.get(), migrations, config);
            } catch (IllegalArgumentException e) {
                err.println("vigil migrate status: " + e.getMessage() + ".");
                return GuidedAction.USAGE;
            }
            MigrationReading reading;
            try {
                reading = target.read();
            } catch (MissingOperatorLogin e) {
                err.println("vigil migrate status: " + e.getMessage() + " " + MissingOperatorLogin.fix(cluster));
                return GuidedAction.NOT_RUN;
            } catch (Exception e) {
                err.println("vigil migrate status: could not read the migrations of " + cluster + " on "
                        + target.node().name() + " (" + target.source().describe() + ", history "
                        + target.settings().history() + "): " + StepFailures.describe(e));
                return GuidedAction.NOT_RUN;
            }
            MigrationStatusReport report = MigrationStatusReport.of(target, reading,
                    MigrationsInFlight.read(target.node(), reading.serverVersionNum()));
            if (json) {
                out.println(Json.MAPPER.writeValueAsString(report));
            } else {
                MigrationStatusText.print(out, report);
            }
            out.flush();
            return GuidedAction.OK;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
            description = {"Apply the pending V-scripts, oldest first, each with its history row in one transaction, "
                    + "under a short lock_timeout with retries, after a dry run, watching the sessions that wait on "
                    + "it (it cancels itself if it holds up too many for too long). A version without an undo script "
                    + "is refused unless --allow-missing-undo.",
                    "Prints the plan with each script, the prechecks and the consequence, then asks for the cluster "
                            + "name. Exit codes as for switchover."})
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ActionOptions options;
        @Mixin
        MigrationOptions migrations;
        @Option(names = "--to", paramLabel = "VERSION", description = "Apply no version newer than this "
                + "(default: every pending one).")
        String to;
        @Option(names = "--allow-missing-undo", description = "Apply versions that have no undo script (a warning "
                + "to acknowledge instead of a refusal).")
        boolean allowMissingUndo;

        @Override
        public Integer call() throws Exception {
            return GuidedAction.onTerminal(options, spec).runThroughSql("migrate apply", cluster -> {
                        Optional<MigrationVersion> upTo = Optional.ofNullable(to).map(MigrationVersion::parse);
                        return new ApplyMigrationsWorkflow(MigrationTargets.resolve(cluster, migrations, options.config),
                                upTo, allowMissingUndo);
                    });
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
            description = {"Undo the applied versions newer than --to, newest first, each with its U-script and "
                    + "its undo record in one guarded transaction. Prechecks: an undo script for each, the applied "
                    + "checksums, statements that cannot run in a transaction, the rows the undos destroy, and a dry "
                    + "run that is always rolled back.",
                    "Needs the cluster name typed. Exit codes as for switchover."})
    static final class Rollback implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ActionOptions options;
        @Mixin
        MigrationOptions migrations;
        @Option(names = "--to", required = true, paramLabel = "VERSION",
                description = "The version to go back to: every applied version newer than it is undone.")
        String to;

        @Override
        public Integer call() throws Exception {
            return GuidedAction.onTerminal(options, spec).runThroughSql("migrate rollback", cluster -> {
                        MigrationVersion target = MigrationVersion.parse(to);
                        return new MigrationRollbackWorkflow(MigrationTargets.resolve(cluster, migrations,
                                options.config), target);
                    });
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
            description = {"Stop a migration in flight (see 'migrate status'): cancel its statement so PostgreSQL rolls "
                    + "its transaction back, DDL included; watch the sessions waiting behind it drain; verify the tables "
                    + "it locked kept their shape and the history does not claim it. --terminate ends its session "
                    + "instead, for one a cancel does not stop (idle in its transaction), and needs the cluster name.",
                    "Exit codes as for switchover."})
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ActionOptions options;
        @Option(names = "--node", required = true, paramLabel = "NODE", description = "The node it runs on.")
        String node;
        @Option(names = "--pid", required = true, paramLabel = "PID", description = "Its backend pid.")
        int pid;
        @Option(names = "--terminate", description = "Terminate its session instead of cancelling its statement.")
        boolean terminate;

        @Override
        public Integer call() throws Exception {
            return GuidedAction.onTerminal(options, spec).runThroughSql("migrate stop", cluster -> terminate
                    ? StopMigrationWorkflow.terminate(cluster, node, pid) : StopMigrationWorkflow.cancel(cluster, node, pid));
        }
    }
}
