package dev.vigil.ui.workflow;

import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowEngine;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A modal window, owned by the main window, that takes the operator through one workflow: plan and prechecks,
 * confirmation, live steps, report. Closing it before confirming declines (journaled); while steps run, closing
 * asks the workflow to stop after the step in flight instead, so the report is never lost.
 */
public final class WorkflowDialog {
    static final String STYLESHEET = "/dev/vigil/ui/workflow-dialog.css";
    private final Stage stage = new Stage();
    private final WorkflowDialogViewModel vm;

    /** Room for the topology before and after above the plan, and still inside a 1360×860 screen. */
    static final double ROLE_CHANGE_WIDTH = 1080;
    static final double ROLE_CHANGE_HEIGHT = 790;

    private WorkflowDialog(Window owner, WorkflowDialogViewModel vm, double width, double height) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.concat("Vigil — ", vm.titleProperty()));
        stage.getIcons().setAll(owner instanceof Stage s ? s.getIcons() : java.util.List.of());
        WorkflowDialogView view = new WorkflowDialogView(vm, stage::close);
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().addAll(WorkflowDialog.class.getResource("/dev/vigil/ui/badges.css").toExternalForm(),
                WorkflowDialog.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        stage.setOnCloseRequest(e -> {
            if (vm.phaseProperty().get() == WorkflowDialogViewModel.Phase.RUNNING) {
                vm.stopAfterCurrentStep();
                e.consume();
            } else {
                vm.decline();
            }
        });
    }

    /** Shows the dialog over {@code owner} and starts preparing {@code workflow}; returns at once. */
    public static WorkflowDialog open(Window owner, WorkflowEngine engine, Workflow workflow, TaskExecutor tasks) {
        return show(new WorkflowDialog(owner, new WorkflowDialogViewModel(engine, workflow, tasks, UiThread.fx()),
                860, 700));
    }

    /**
     * The same for a workflow that changes roles (switchover, failover, rejoin): wider, for the topology before
     * and after; {@code fenced} are the nodes the fenced-node list names now.
     */
    public static WorkflowDialog openRoleChange(Window owner, WorkflowEngine engine, Workflow workflow,
                                                TaskExecutor tasks, java.util.Set<String> fenced) {
        return show(new WorkflowDialog(owner, new WorkflowDialogViewModel(engine, workflow, tasks, UiThread.fx(), fenced),
                ROLE_CHANGE_WIDTH, ROLE_CHANGE_HEIGHT));
    }

    private static WorkflowDialog show(WorkflowDialog dialog) {
        dialog.stage.show();
        dialog.vm.start();
        return dialog;
    }

    public Stage stage() {
        return stage;
    }

    public WorkflowDialogViewModel viewModel() {
        return vm;
    }
}
