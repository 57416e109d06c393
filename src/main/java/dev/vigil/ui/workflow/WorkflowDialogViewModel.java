package dev.vigil.ui.workflow;

import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Confirmation;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepOutcome;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowEngine;
import dev.vigil.ops.workflow.WorkflowEvent;
import dev.vigil.ops.workflow.WorkflowListener;
import dev.vigil.ops.workflow.WorkflowReport;
import dev.vigil.ops.workflow.WorkflowRun;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.TopologyChange;
import dev.vigil.ui.common.UiThread;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of one workflow dialog: what the engine planned and checked, what the operator must do to confirm,
 * each step's live status, and the final report. The engine's work runs through the {@link TaskExecutor}; its
 * events reach these properties on the UI thread.
 */
public final class WorkflowDialogViewModel {

    public enum Phase { PREPARING, CONFIRMING, RUNNING, FINISHED, FAILED }

    public enum StepStatus {
        PLANNED("planned"), RUNNING("running"), DONE("done"), FAILED("failed"), UNKNOWN("result unknown"),
        NOT_RUN("not run");

        private final String label;

        StepStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One planned step as shown: what it does, the exact command, and how it went. */
    public record StepRow(int number, String title, String detail, String node, String command, Duration timeout,
                          StepStatus status, String result) {
        StepRow with(StepStatus newStatus, String newResult) {
            return new StepRow(number, title, detail, node, command, timeout, newStatus, newResult);
        }
    }

    private final WorkflowEngine engine;
    private final Workflow workflow;
    private final TaskExecutor tasks;
    private final UiThread ui;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.PREPARING);
    private final ReadOnlyStringWrapper title;
    private final ReadOnlyStringWrapper topology = new ReadOnlyStringWrapper("Reading the topology…");
    private final ReadOnlyStringWrapper consequence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("Reading the topology…");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasWarnings = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper typedConfirmationRequired = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper confirmationWord = new ReadOnlyStringWrapper("");
    private final BooleanProperty warningsAcknowledged = new SimpleBooleanProperty();
    private final StringProperty typedName = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper canConfirm = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<WorkflowReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TopologyChange> change = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CheckResult> keyChecks = FXCollections.observableArrayList();
    private final ObservableList<CheckResult> readOnlyKeyChecks = FXCollections.unmodifiableObservableList(keyChecks);
    private final Set<String> fenced;
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<CheckResult> prechecks = FXCollections.observableArrayList();
    private final ObservableList<CheckResult> verification = FXCollections.observableArrayList();
    private final ObservableList<String> nextActions = FXCollections.observableArrayList();
    private final ObservableList<StepRow> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<CheckResult> readOnlyPrechecks = FXCollections.unmodifiableObservableList(prechecks);
    private final ObservableList<CheckResult> readOnlyVerification = FXCollections.unmodifiableObservableList(verification);
    private final ObservableList<String> readOnlyNextActions = FXCollections.unmodifiableObservableList(nextActions);
    private Proposal proposal;
    private WorkflowRun run;
    private boolean answered;
    private int runningStep;
    private boolean stopAsked;
    private boolean abandoned;

    public WorkflowDialogViewModel(WorkflowEngine engine, Workflow workflow, TaskExecutor tasks, UiThread ui) {
        this(engine, workflow, tasks, ui, Set.of());
    }

    /** @param fenced the nodes the fenced-node list names now, marked in the "before" topology */
    public WorkflowDialogViewModel(WorkflowEngine engine, Workflow workflow, TaskExecutor tasks, UiThread ui,
                                   Set<String> fenced) {
        this.fenced = Set.copyOf(fenced);
        this.title = new ReadOnlyStringWrapper(workflow.title());
        this.engine = engine;
        this.workflow = workflow;
        this.tasks = tasks;
        this.ui = ui;
        canConfirm.bind(Bindings.createBooleanBinding(() -> phase.get() == Phase.CONFIRMING && !blocked.get()
                        && (!hasWarnings.get() || warningsAcknowledged.get())
                        && (!typedConfirmationRequired.get() || confirmationWord.get().equals(typedName.get())),
                phase, blocked, hasWarnings, warningsAcknowledged, typedConfirmationRequired, confirmationWord, typedName));
    }

    /** Topology, plan and prechecks, in the background; the plan fills in as events arrive. */
    public void start() {
        WorkflowListener listener = event -> ui.run(() -> apply(event));
        tasks.submit(() -> engine.prepare(workflow, listener).get(), this::prepared, this::failed);
    }

    /** Runs the proposal with the operator's answer as the controls hold it; only when {@link #canConfirmProperty()}. */
    public void confirm() {
        if (!canConfirm.get() || answered) {
            return;
        }
        answered = true;
        Confirmation confirmation = Confirmation.confirm().typing(typedName.get());
        if (warningsAcknowledged.get()) {
            confirmation = confirmation.acknowledgingWarnings();
        }
        phase.set(Phase.RUNNING);
        progress.set("Starting…");
        run = engine.execute(proposal, confirmation, event -> ui.run(() -> apply(event)));
        WorkflowRun started = run;
        tasks.submit(() -> started.report().get(), this::finished, this::failed);
    }

    /** The operator said no (Cancel, or closed the dialog): the engine journals it; nothing runs. */
    public void decline() {
        if (phase.get() == Phase.PREPARING) {
            abandoned = true;
        } else if (phase.get() == Phase.CONFIRMING && !answered) {
            answered = true;
            engine.execute(proposal, Confirmation.decline(), WorkflowListener.NONE);
        }
    }

    /** While running: finish the step in flight, start no other, and report where it stopped. */
    public void stopAfterCurrentStep() {
        if (run != null && phase.get() == Phase.RUNNING) {
            run.cancel();
            stopAsked = true;
            progress.set(stopping());
        }
    }

    /** Where a stop asked for now takes effect: after this step, or after the uninterruptible stretch it is in. */
    private String stopping() {
        return proposal.plan().uninterruptible().filter(u -> runningStep >= u.from() && runningStep <= u.to())
                .map(u -> "Stopping after step " + u.to() + ": steps " + u.from() + " to " + u.to()
                        + " run to the end once begun, because " + u.why() + "…")
                .orElse("Stopping after the current step…");
    }

    private void prepared(Proposal p) {
        proposal = p;
        title.set(workflow.title()); // "Fail over demo" learns its candidate from the topology: "… to pg3"
        topology.set(p.topology().describe());
        consequence.set(p.consequence());
        prechecks.setAll(p.prechecks());
        keyChecks.setAll(p.prechecks().stream().filter(WorkflowDialogViewModel::isKey).toList());
        steps.setAll(rows(p.plan().steps()));
        change.set(TopologyChange.of(p.topology(), p.workflow().intended(p.topology(), p.plan()), fenced).orElse(null));
        blocked.set(p.blocked());
        hasWarnings.set(p.hasWarnings());
        typedConfirmationRequired.set(p.typedConfirmationRequired());
        confirmationWord.set(p.confirmationWord());
        progress.set(p.blocked() ? "Blocked by a precheck: nothing can run." : "Waiting for your confirmation.");
        phase.set(Phase.CONFIRMING);
        if (abandoned) {
            decline();
        }
    }

    private void apply(WorkflowEvent event) {
        if (event instanceof WorkflowEvent.TopologyRead t) {
            topology.set(t.topology().describe());
            progress.set("Planning…");
        } else if (event instanceof WorkflowEvent.Planned planned) {
            steps.setAll(rows(planned.plan().steps()));
            progress.set("Running the prechecks…");
        } else if (event instanceof WorkflowEvent.PrecheckFinished pf) {
            if (pf.recheck()) {
                progress.set("Re-checking before the first step: " + pf.result().name());
            } else {
                prechecks.add(pf.result());
            }
        } else if (event instanceof WorkflowEvent.StepStarted s) {
            replace(s.number(), StepStatus.RUNNING, "running…");
            runningStep = s.number();
            progress.set("Step " + s.number() + " of " + s.total() + ": " + s.title() + "…"
                    + (stopAsked ? " " + stopping() : ""));
        } else if (event instanceof WorkflowEvent.StepFinished f) {
            StepRecord r = f.record();
            replace(r.number(), status(r.outcome()), r.detail() + " · " + Format.duration(r.took()));
        } else if (event instanceof WorkflowEvent.VerificationFinished v) {
            verification.add(v.result());
            progress.set("Verifying: " + v.result().name());
        } else if (event instanceof WorkflowEvent.PhaseStarted ps && ps.phase() == WorkflowEvent.Phase.VERIFY) {
            progress.set("Verifying…");
        }
    }

    private void finished(WorkflowReport r) {
        report.set(r);
        for (StepRecord record : r.steps()) {
            replace(record.number(), status(record.outcome()), record.detail() + " · " + Format.duration(record.took()));
        }
        int firstNotStarted = r.steps().size() + 1;
        for (int n = firstNotStarted; n <= steps.size(); n++) {
            replace(n, StepStatus.NOT_RUN, "not started");
        }
        verification.setAll(r.verification());
        nextActions.setAll(r.nextActions());
        progress.set("Finished: the report is below.");
        phase.set(Phase.FINISHED);
    }

    private void failed(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        error.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        progress.set("The workflow could not go on.");
        phase.set(Phase.FAILED);
    }

    /**
     * The checks a failover's operator must not miss, shown apart above the plan: the data-loss estimate, and
     * whether the old primary is fenced.
     */
    public static boolean isKey(CheckResult check) {
        return check.name().equals("data-loss estimate") || check.name().endsWith(" is fenced");
    }

    private void replace(int number, StepStatus status, String result) {
        if (number >= 1 && number <= steps.size()) {
            steps.set(number - 1, steps.get(number - 1).with(status, result));
        }
    }

    private static List<StepRow> rows(List<Step> plan) {
        return java.util.stream.IntStream.range(0, plan.size()).mapToObj(i -> {
            Step s = plan.get(i);
            return new StepRow(i + 1, s.title(), s.detail(), s.node(), s.command().display(), s.timeout(),
                    StepStatus.PLANNED, "");
        }).toList();
    }

    private static StepStatus status(StepOutcome outcome) {
        return switch (outcome) {
            case DONE -> StepStatus.DONE;
            case FAILED -> StepStatus.FAILED;
            case UNKNOWN -> StepStatus.UNKNOWN;
        };
    }

    // --- what the view binds to ---------------------------------------------------------------------------

    public String title() {
        return title.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty consequenceProperty() {
        return consequence.getReadOnlyProperty();
    }

    /** One line on what is happening now. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the workflow could not be prepared or followed (an engine error, not a precheck). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasWarningsProperty() {
        return hasWarnings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty typedConfirmationRequiredProperty() {
        return typedConfirmationRequired.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confirmationWordProperty() {
        return confirmationWord.getReadOnlyProperty();
    }

    public BooleanProperty warningsAcknowledgedProperty() {
        return warningsAcknowledged;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    public ReadOnlyBooleanProperty canConfirmProperty() {
        return canConfirm.getReadOnlyProperty();
    }

    /** Before and after, for a workflow that changes roles; null until planned, and for one that does not. */
    public ReadOnlyObjectProperty<TopologyChange> changeProperty() {
        return change.getReadOnlyProperty();
    }

    /** The prechecks to read first (data-loss estimate, fencing), also listed with the others. */
    public ObservableList<CheckResult> keyChecks() {
        return readOnlyKeyChecks;
    }

    public ReadOnlyObjectProperty<WorkflowReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public Outcome outcome() {
        return report.get() == null ? null : report.get().outcome();
    }

    public ObservableList<StepRow> steps() {
        return readOnlySteps;
    }

    public ObservableList<CheckResult> prechecks() {
        return readOnlyPrechecks;
    }

    public ObservableList<CheckResult> verification() {
        return readOnlyVerification;
    }

    public ObservableList<String> nextActions() {
        return readOnlyNextActions;
    }
}
