package dev.vigil.migrate;

import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowContext;
import java.util.Optional;

/**
 * What every migration workflow shares: one target node of one cluster, and a planning read of its topology,
 * source and history taken with the topology, so that plan, prechecks and consequence read the same state.
 */
abstract class MigrationWorkflow implements Workflow {
    protected final MigrationTarget target;
    protected final PlanningRead planning;

    MigrationWorkflow(MigrationTarget target) {
        this.target = target;
        this.planning = new PlanningRead(target);
    }

    @Override
    public final String cluster() {
        return target.cluster().name();
    }

    @Override
    public final Optional<String> node() {
        return Optional.of(target.node().name());
    }

    @Override
    public final Topology topology(WorkflowContext context) {
        return planning.topology(context);
    }
}
