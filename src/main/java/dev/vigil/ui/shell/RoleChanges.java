package dev.vigil.ui.shell;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.failover.FailoverSettings;
import dev.vigil.ops.failover.FailoverWorkflow;
import dev.vigil.ops.failover.LastSeenSource;
import dev.vigil.ops.failover.RejoinWorkflow;
import dev.vigil.ops.failover.SwitchoverWorkflow;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.RoleAction;
import dev.vigil.ui.workflow.WorkflowDialog;
import dev.vigil.ui.workflow.WorkflowDialogViewModel;
import javafx.stage.Window;

/**
 * Starts a switchover, failover or rejoin from the tree or the Replication view: builds the workflow from what
 * the window knows (the cluster, its node control, the fenced-node list, the last WAL position seen on the
 * primary) and opens it in the workflow dialog. When the dialog's workflow ends, the fenced-node list is read
 * again so that the tree and the views mark what changed.
 */
public final class RoleChanges {
    private final MainViewModel vm;
    private final FailoverSettings settings;

    public RoleChanges(MainViewModel vm) {
        this(vm, FailoverSettings.defaults());
    }

    public RoleChanges(MainViewModel vm, FailoverSettings settings) {
        this.vm = vm;
        this.settings = settings;
    }

    /** Does nothing for a disabled action: its item or button says why instead. */
    public void open(Window owner, ClusterViewModel cluster, RoleAction action) {
        if (!action.enabled()) {
            return;
        }
        WorkflowDialog dialog = WorkflowDialog.openRoleChange(owner, vm.workflows(), workflow(cluster, action),
                vm.tasks(), cluster.fenced().keySet());
        dialog.viewModel().phaseProperty().addListener((o, was, phase) -> {
            if (phase == WorkflowDialogViewModel.Phase.FINISHED || phase == WorkflowDialogViewModel.Phase.FAILED) {
                vm.reloadFences();
            }
        });
    }

    public Workflow workflow(ClusterViewModel cluster, RoleAction action) {
        ClusterDefinition definition = cluster.definition();
        NodeControl control = vm.nodeControls().forCluster(definition);
        return switch (action.kind()) {
            case SWITCHOVER -> new SwitchoverWorkflow(definition, action.node().orElseThrow(), control, settings,
                    vm.fences());
            case FAILOVER -> new FailoverWorkflow(definition, action.node(), control, settings, vm.fences(),
                    LastSeenSource.fixed(cluster.lastSeen(), "this window's monitor").and(LastSeenSource.file(vm.seenWrites())));
            case REJOIN -> new RejoinWorkflow(definition, action.node().orElseThrow(), control, settings, vm.fences());
        };
    }
}
