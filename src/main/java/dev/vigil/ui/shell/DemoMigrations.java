package dev.vigil.ui.shell;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.journal.Journal;
import dev.vigil.migrate.ApplyMigrationsWorkflow;
import dev.vigil.migrate.MigrationSettings;
import dev.vigil.migrate.MigrationTarget;
import dev.vigil.migrate.source.FlywayFolder;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.ops.workflow.Confirmation;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.WorkflowEngine;
import dev.vigil.ops.workflow.WorkflowListener;
import dev.vigil.ops.workflow.WorkflowReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo lab's schema migrations, so that a newcomer's Migrations view has something to show: three small
 * Flyway-convention scripts for the shop schema, each with its undo, written into the lab's own directory (gone
 * with the lab). The first two are applied at demo start by Vigil's own guarded apply, the third is left pending.
 */
final class DemoMigrations {
    private static final Logger log = LoggerFactory.getLogger(DemoMigrations.class);
    static final List<String> FILES = List.of("V1__create_coupons.sql", "U1__create_coupons.sql",
            "V2__add_product_weight.sql", "U2__add_product_weight.sql",
            "V3__index_orders_by_status.sql", "U3__index_orders_by_status.sql");
    /** Applied at start; later versions stay pending. */
    static final MigrationVersion APPLIED_AT_START = MigrationVersion.parse("2");
    private static final long WAIT_SECONDS = 30;

    private DemoMigrations() {}

    /** Writes the scripts into {@code folder} (created) and returns it. */
    static Path write(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String name : FILES) {
                try (InputStream in = DemoMigrations.class.getResourceAsStream("/dev/vigil/ui/demo-migrations/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("demo migration " + name + " is missing from the build");
                    }
                    Files.copy(in, folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo migrations to " + folder, e);
        }
    }

    /**
     * Applies the versions up to {@link #APPLIED_AT_START} on {@code primary} through the workflow engine, as the
     * window would, journaled into {@code journalFile}. A demo without them still runs: a failure is logged, and
     * the Migrations view then shows those versions pending.
     */
    static Optional<WorkflowReport> applyFirst(ClusterDefinition cluster, String primary, Path journalFile) {
        MigrationTarget target = MigrationTarget.of(cluster, primary,
                new FlywayFolder(cluster.migrations().orElseThrow()), MigrationSettings.defaults());
        try (Journal journal = Journal.open(journalFile); WorkflowEngine engine = new WorkflowEngine(journal)) {
            Proposal proposal = engine.prepare(new ApplyMigrationsWorkflow(target, Optional.of(APPLIED_AT_START), false),
                    WorkflowListener.NONE).get(WAIT_SECONDS, TimeUnit.SECONDS);
            WorkflowReport report = engine.execute(proposal, Confirmation.confirm(), WorkflowListener.NONE).report()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (report.outcome() != Outcome.SUCCEEDED) {
                log.warn("The demo's first migrations were not applied ({}): {}", report.outcome(), report.summary());
            }
            return Optional.of(report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.warn("The demo's first migrations were not applied: {}", e.toString());
            return Optional.empty();
        }
    }
}
