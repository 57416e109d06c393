package dev.vigil.migrate;

import dev.vigil.ops.TopologyReader;
import dev.vigil.ops.workflow.StepFailures;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.WorkflowContext;
import java.util.List;

/**
 * What a migration workflow plans from: its node's topology and, read with it, the source and history. A
 * history that cannot be read leaves no reading and says why, for a precheck to report.
 */
final class PlanningRead {
    private final MigrationTarget target;
    private volatile MigrationReading reading;
    private volatile String unread = "not read yet";

    PlanningRead(MigrationTarget target) {
        this.target = target;
    }

    Topology topology(WorkflowContext context) {
        Topology topology = TopologyReader.read(target.cluster(), List.of(target.node()),
                java.util.Optional.of(target.node().name()), context);
        try {
            reading = MigrationReads.read(target, context);
        } catch (Exception e) {
            reading = null;
            unread = StepFailures.describe(e);
        }
        return topology;
    }

    /** The reading of the last {@link #topology}, or null when there is none (see {@link #unread()}). */
    MigrationReading reading() {
        return reading;
    }

    String unread() {
        return unread;
    }
}
