package dev.vigil.ops.workflow;

/** Receives a run's {@link WorkflowEvent}s on the engine's threads; an exception it throws is logged and ignored. */
@FunctionalInterface
public interface WorkflowListener {
    WorkflowListener NONE = event -> { };

    void on(WorkflowEvent event);
}
