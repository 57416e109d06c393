package dev.vigil.ui.common;

/**
 * Opens the guided stop of an in-flight migration: cancel, or terminate as the escalation. Shared by the Locks
 * and Migrations views, which both offer it; the shell wires it to the workflow dialog.
 */
public interface MigrationActions {
    void stop(javafx.stage.Window owner, ClusterViewModel cluster, String node, int pid, boolean terminate);
}
