package dev.vigil.ops.workflow;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.journal.Journal;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A one-server lab cluster, the definition Vigil reads of it, and a {@link JournalledEngine}: what a test that runs
 * real workflows (cancel, terminate, migrate) against a primary starts with. Open it in {@code @BeforeAll}, close
 * it in {@code @AfterAll}: the engine and journal first, then the lab.
 */
public final class EngineLab implements AutoCloseable {
    public final Lab lab;
    public final LabCluster cluster;
    public final ClusterDefinition definition;
    public final Journal journal;
    public final WorkflowEngine engine;
    private final JournalledEngine workflows;

    private EngineLab(Lab lab, LabCluster cluster, JournalledEngine workflows) {
        this.lab = lab;
        this.cluster = cluster;
        this.definition = LabInventory.of(cluster);
        this.workflows = workflows;
        this.journal = workflows.journal;
        this.engine = workflows.engine;
    }

    /** A cluster {@code name} of a primary only, on {@code pgBin} (empty: the lab's default binaries). */
    public static EngineLab open(Optional<Path> pgBin, String name, Path dir) {
        Lab lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin.orElse(null)));
        try {
            return new EngineLab(lab, lab.createCluster(name, 0), JournalledEngine.open(dir));
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public LabNode primary() {
        return cluster.primary();
    }

    @Override
    public void close() {
        try {
            workflows.close();
        } finally {
            lab.close();
        }
    }
}
