package dev.vigil.ui.workflow;

import atlantafx.base.theme.Styles;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.TopologyChange;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.Phase;
import dev.vigil.ui.workflow.WorkflowDialogViewModel.StepRow;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;

/**
 * The workflow dialog's content: topology, the plan with exact commands, the prechecks with evidence and fixes,
 * the consequence and what confirming takes, live step progress, then the report. Thin: all state is in the
 * view-model.
 */
public final class WorkflowDialogView extends BorderPane {
    private final WorkflowDialogViewModel vm;
    private final Runnable close;
    private final VBox stepsBox = new VBox(10);
    private final VBox checksBox = new VBox(8);
    private final VBox resultBox = new VBox(8);
    private final VBox changeBox = new VBox(8);
    private final VBox keyBox = new VBox(8);
    private final ScrollPane scroll = new ScrollPane();

    WorkflowDialogView(WorkflowDialogViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
        getStyleClass().add("workflow-dialog");
        setTop(header());
        setCenter(body());
        setBottom(footer());
        rebuildOn(vm.steps(), () -> {
            stepsBox.getChildren().setAll(vm.steps().stream().map(this::stepRow).toList());
            revealRunningStep();
        });
        rebuildOn(vm.prechecks(), () -> checksBox.getChildren().setAll(vm.prechecks().isEmpty()
                ? List.of(muted("Running the prechecks…")) : vm.prechecks().stream().map(this::checkRow).toList()));
        vm.phaseProperty().addListener((o, a, b) -> rebuildResult());
        vm.reportProperty().addListener((o, a, b) -> rebuildResult());
        vm.changeProperty().addListener((o, a, change) -> showChange(change));
        rebuildOn(vm.keyChecks(), this::showKeyChecks);
    }

    public WorkflowDialogViewModel viewModel() {
        return vm;
    }

    // --- header: what, where, what is happening -----------------------------------------------------------

    private Node header() {
        Label title = new Label();
        title.setId("wf-title");
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("wf-title");
        title.setWrapText(true);
        Label topology = new Label();
        topology.setId("wf-topology");
        topology.getStyleClass().add("wf-topology");
        topology.setWrapText(true);
        topology.textProperty().bind(vm.topologyProperty());
        // A role change shows the topology as a before/after picture in the body instead of this line.
        show(topology, vm.changeProperty().isNull());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("wf-spinner");
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.PREPARING)
                .or(vm.phaseProperty().isEqualTo(Phase.RUNNING)));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = new Label();
        progress.setId("wf-progress");
        progress.getStyleClass().add("wf-progress");
        progress.setWrapText(true);
        progress.textProperty().bind(vm.progressProperty());
        HBox status = new HBox(8, spinner, progress);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, title, topology, status);
        header.getStyleClass().add("wf-header");
        return header;
    }

    // --- body: report, plan, prechecks ---------------------------------------------------------------------

    private Node body() {
        resultBox.getStyleClass().add("wf-result");
        resultBox.setId("wf-result");
        resultBox.setVisible(false);
        resultBox.managedProperty().bind(resultBox.visibleProperty());
        stepsBox.setId("wf-steps");
        checksBox.setId("wf-prechecks");
        changeBox.setId("wf-change");
        show(changeBox, vm.changeProperty().isNotNull());
        keyBox.setId("wf-key-checks");
        // Read before confirming; once steps run, the plan's progress moves up and the checks stay listed below.
        show(keyBox, javafx.beans.binding.Bindings.isNotEmpty(vm.keyChecks())
                .and(vm.phaseProperty().isEqualTo(Phase.CONFIRMING)));
        VBox content = new VBox(14, resultBox, changeBox, keyBox, section("Plan"), stepsBox, section("Prechecks"),
                checksBox);
        content.getStyleClass().add("wf-body");
        scroll.setContent(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wf-scroll");
        return scroll;
    }

    /**
     * While steps run, the running one is scrolled into view: below a role change's topology picture it would
     * otherwise start out of sight.
     */
    private void revealRunningStep() {
        if (vm.phaseProperty().get() != Phase.RUNNING || scroll.getContent() == null) {
            return;
        }
        stepsBox.getChildren().stream()
                .filter(n -> n.getUserData() instanceof StepRow r && r.status() == WorkflowDialogViewModel.StepStatus.RUNNING)
                .findFirst().ifPresent(step -> {
                    javafx.scene.Parent content = (javafx.scene.Parent) scroll.getContent();
                    content.applyCss();
                    content.layout();
                    double contentHeight = content.getLayoutBounds().getHeight();
                    double viewHeight = scroll.getViewportBounds().getHeight();
                    if (contentHeight <= viewHeight) {
                        return;
                    }
                    double top = content.sceneToLocal(step.localToScene(step.getLayoutBounds())).getMinY();
                    double v = (top - viewHeight / 5) / (contentHeight - viewHeight);
                    scroll.setVvalue(Math.max(0, Math.min(1, v)));
                });
    }

    /** Before and after, one grid row per node, so the eye reads across what happens to each node. */
    private void showChange(TopologyChange change) {
        if (change == null) {
            changeBox.getChildren().clear();
            return;
        }
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.getStyleClass().add("wf-change-grid");
        grid.setHgap(10);
        grid.setVgap(6);
        javafx.scene.layout.ColumnConstraints side = new javafx.scene.layout.ColumnConstraints();
        side.setPercentWidth(47);
        side.setHgrow(Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints middle = new javafx.scene.layout.ColumnConstraints();
        middle.setPercentWidth(6);
        middle.setHalignment(javafx.geometry.HPos.CENTER);
        grid.getColumnConstraints().setAll(side, middle, side);
        grid.add(subsection("Before"), 0, 0);
        grid.add(subsection("After"), 2, 0);
        int r = 1;
        for (TopologyChange.Row row : change.rows()) {
            grid.add(nodeCard(row.node(), row.before(), false, "wf-before-" + row.node()), 0, r);
            Label arrow = new Label("→");
            arrow.getStyleClass().addAll("wf-change-arrow", row.changes() ? "wf-changes" : "wf-stays");
            grid.add(arrow, 1, r);
            grid.add(nodeCard(row.node(), row.after(), row.changes(), "wf-after-" + row.node()), 2, r);
            r++;
        }
        changeBox.getChildren().setAll(section("Topology"), grid);
    }

    private static Node nodeCard(String node, TopologyChange.Side side, boolean changes, String id) {
        Label badge = new Label(side.badge().text());
        badge.getStyleClass().addAll("role-badge", side.badge().style(), "wf-card-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label(node);
        name.getStyleClass().add("wf-card-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label detail = new Label(side.detail());
        detail.getStyleClass().add("wf-card-detail");
        detail.setWrapText(true);
        HBox.setHgrow(detail, Priority.ALWAYS);
        StackPane badgeCell = new StackPane(badge);
        badgeCell.setMinWidth(78);
        badgeCell.setAlignment(Pos.CENTER_LEFT);
        HBox card = new HBox(8, badgeCell, name, detail);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("wf-node-card");
        if (changes) {
            card.getStyleClass().add("wf-node-changes");
        }
        card.setId(id);
        card.setUserData(side);
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    /** The data-loss estimate and the fencing status, large, before the plan: what a failover's operator must read. */
    private void showKeyChecks() {
        keyBox.getChildren().setAll(section("Read this first"));
        for (CheckResult c : vm.keyChecks()) {
            Label name = new Label(c.name().equals("data-loss estimate") ? "Data-loss estimate" : c.name());
            name.getStyleClass().add("wf-key-name");
            name.setWrapText(true);
            Label evidence = wrapped(c.evidence(), "wf-key-evidence");
            VBox text = new VBox(4, name, evidence);
            if (!c.fix().isEmpty()) {
                text.getChildren().add(wrapped(c.fix(), "wf-fix"));
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(12, icon(c.status()), text);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().addAll("wf-key-check", "wf-key-" + tone(c.status()));
            row.setId("wf-key-" + (c.name().equals("data-loss estimate") ? "data-loss" : "fencing"));
            row.setUserData(c);
            keyBox.getChildren().add(row);
        }
    }

    private Node stepRow(StepRow row) {
        Label badge = new Label(row.status().label().toUpperCase(Locale.ROOT));
        badge.getStyleClass().addAll("wf-badge", "wf-status-" + row.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(row.number() + ". " + row.title());
        title.getStyleClass().add("wf-step-title");
        title.setWrapText(true);
        Label where = muted("on " + row.node() + " · time limit " + limit(row.timeout()));
        where.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(10, title, spacer, where, badge);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, line);
        if (!row.detail().isEmpty()) {
            Label detail = muted(row.detail());
            detail.setWrapText(true);
            box.getChildren().add(detail);
        }
        Label command = new Label(row.command());
        command.getStyleClass().add("wf-command");
        command.setWrapText(true);
        command.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().add(command);
        if (!row.result().isEmpty()) {
            Label result = new Label(row.result());
            result.getStyleClass().addAll("wf-step-result", "wf-text-" + tone(row.status()));
            result.setWrapText(true);
            box.getChildren().add(result);
        }
        box.getStyleClass().add("wf-step");
        box.setUserData(row);
        return box;
    }

    private Node checkRow(CheckResult check) {
        Label name = new Label(check.name());
        name.getStyleClass().add("wf-check-name");
        name.setWrapText(true);
        HBox line = new HBox(8, name);
        if (!check.passed()) {
            Label status = new Label(check.status().name());
            status.getStyleClass().addAll("wf-check-status", "wf-text-" + tone(check.status()));
            line.getChildren().add(status);
        }
        line.setAlignment(Pos.BASELINE_LEFT);
        Label evidence = new Label(check.evidence());
        evidence.getStyleClass().add("wf-evidence");
        evidence.setWrapText(true);
        VBox text = new VBox(2, line, evidence);
        if (!check.fix().isEmpty()) {
            Label fix = new Label("Fix: " + check.fix());
            fix.getStyleClass().add("wf-fix");
            fix.setWrapText(true);
            text.getChildren().add(fix);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, icon(check.status()), text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().addAll("wf-check", "wf-check-" + tone(check.status()));
        row.setUserData(check);
        return row;
    }

    /** A filled circle with a white mark: tick, exclamation or cross; drawn, so no icon font is needed. */
    private static Node icon(CheckResult.Status status) {
        Circle disc = new Circle(9);
        disc.getStyleClass().addAll("wf-icon", "wf-icon-" + tone(status));
        SVGPath mark = new SVGPath();
        mark.setContent(switch (status) {
            case PASS -> "M -4 0 L -1.2 3 L 4.2 -3.2";
            case WARN -> "M 0 -4.5 L 0 1.2 M 0 3.6 L 0 4.2";
            case FAIL -> "M -3.5 -3.5 L 3.5 3.5 M 3.5 -3.5 L -3.5 3.5";
        });
        mark.getStyleClass().add("wf-icon-mark");
        StackPane icon = new StackPane(disc, mark);
        icon.setMinSize(20, 20);
        icon.setMaxSize(20, 20);
        return icon;
    }

    private void rebuildResult() {
        Phase phase = vm.phaseProperty().get();
        if (phase == Phase.FAILED) {
            resultBox.getChildren().setAll(banner("Could not go on", "bad"), wrapped(vm.errorProperty().get(), "wf-summary"));
            resultBox.setVisible(true);
            return;
        }
        if (vm.reportProperty().get() == null) {
            resultBox.setVisible(false);
            return;
        }
        var report = vm.reportProperty().get();
        scroll.setVvalue(0); // the outcome is at the top; the steps may have scrolled it away
        resultBox.getChildren().setAll(banner(Format.capitalised(report.outcome().label()), tone(report.outcome())),
                wrapped(report.summary(), "wf-summary"));
        if (!report.verification().isEmpty()) {
            resultBox.getChildren().add(subsection("Verification"));
            report.verification().forEach(v -> resultBox.getChildren().add(checkRow(v)));
        }
        if (!report.nextActions().isEmpty()) {
            resultBox.getChildren().add(subsection("Next"));
            report.nextActions().forEach(a -> resultBox.getChildren().add(wrapped("•  " + a, "wf-next")));
        }
        resultBox.setVisible(true);
    }

    private static Label banner(String text, String tone) {
        Label banner = new Label(text);
        banner.setId("wf-outcome");
        banner.getStyleClass().addAll("wf-outcome", "wf-outcome-" + tone);
        banner.setMaxWidth(Double.MAX_VALUE);
        return banner;
    }

    // --- footer: consequence, what confirming takes, the buttons ------------------------------------------

    private Node footer() {
        BooleanBinding confirming = vm.phaseProperty().isEqualTo(Phase.CONFIRMING);
        VBox footer = new VBox(10, consequence(confirming), blockedNote(confirming), attentionList(confirming),
                acknowledgement(confirming), typedConfirmation(confirming), buttons(confirming));
        footer.getStyleClass().add("wf-footer");
        return footer;
    }

    private Node consequence(BooleanBinding confirming) {
        Label consequenceTitle = subsection("What will happen");
        Label consequence = wrapped("", "wf-consequence");
        consequence.setId("wf-consequence");
        consequence.textProperty().bind(vm.consequenceProperty());
        VBox consequenceBox = new VBox(4, consequenceTitle, consequence);
        consequenceBox.getStyleClass().add("wf-consequence-box");
        show(consequenceBox, confirming.and(vm.blockedProperty().not()));
        return consequenceBox;
    }

    private Node blockedNote(BooleanBinding confirming) {
        Label blocked = wrapped("A precheck failed, so nothing can run. Each failed check says what would fix it; fix "
                + "that and start the action again.", "wf-blocked");
        blocked.setId("wf-blocked");
        show(blocked, confirming.and(vm.blockedProperty()));
        return blocked;
    }

    private Node attentionList(BooleanBinding confirming) {
        VBox attention = new VBox(4);
        attention.setId("wf-attention");
        show(attention, confirming);
        Runnable listAttention = () -> attention.getChildren().setAll(attention(vm.prechecks()));
        vm.prechecks().addListener((ListChangeListener<CheckResult>) c -> listAttention.run());
        vm.phaseProperty().addListener((o, a, b) -> listAttention.run());
        return attention;
    }

    private Node acknowledgement(BooleanBinding confirming) {
        CheckBox acknowledge = new CheckBox("I have read the warnings above and want to go on");
        acknowledge.setId("wf-acknowledge");
        acknowledge.selectedProperty().bindBidirectional(vm.warningsAcknowledgedProperty());
        show(acknowledge, confirming.and(vm.hasWarningsProperty()).and(vm.blockedProperty().not()));
        return acknowledge;
    }

    private Node typedConfirmation(BooleanBinding confirming) {
        Label typeLabel = new Label();
        typeLabel.textProperty().bind(Bindings.concat("Type the cluster name ", vm.confirmationWordProperty(),
                " to confirm:"));
        TextField typed = new TextField();
        typed.setId("wf-typed-name");
        typed.getStyleClass().add("wf-typed");
        typed.promptTextProperty().bind(vm.confirmationWordProperty());
        typed.textProperty().bindBidirectional(vm.typedNameProperty());
        typed.setPrefColumnCount(18);
        HBox typeRow = new HBox(10, typeLabel, typed);
        typeRow.setId("wf-typed-row");
        typeRow.setAlignment(Pos.CENTER_LEFT);
        show(typeRow, confirming.and(vm.typedConfirmationRequiredProperty()).and(vm.blockedProperty().not()));
        return typeRow;
    }

    private Node buttons(BooleanBinding confirming) {
        Button confirm = confirmButton(confirming);
        Button secondary = secondaryButton();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, spacer, secondary, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return buttons;
    }

    private Button confirmButton(BooleanBinding confirming) {
        Button confirm = new Button("Confirm");
        confirm.setId("wf-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setDefaultButton(false);
        confirm.disableProperty().bind(vm.canConfirmProperty().not());
        show(confirm, confirming.and(vm.blockedProperty().not()));
        confirm.setOnAction(e -> vm.confirm());
        return confirm;
    }

    /** Cancel before the steps run, stop after the current step while they do, close once they are done. */
    private Button secondaryButton() {
        Button secondary = new Button();
        secondary.setId("wf-cancel");
        secondary.setCancelButton(true);
        secondary.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.phaseProperty().get()) {
            case PREPARING, CONFIRMING -> "Cancel";
            case RUNNING -> "Stop after this step";
            case FINISHED, FAILED -> "Close";
        }, vm.phaseProperty()));
        secondary.setOnAction(e -> {
            if (vm.phaseProperty().get() == Phase.RUNNING) {
                vm.stopAfterCurrentStep();
            } else {
                vm.decline();
                close.run();
            }
        });
        return secondary;
    }

    /** The failed checks (or, with none, the warnings) once more beside the buttons, where the decision is made. */
    private static List<Node> attention(List<CheckResult> checks) {
        List<CheckResult> failed = checks.stream().filter(CheckResult::failed).toList();
        List<CheckResult> shown = failed.isEmpty()
                ? checks.stream().filter(c -> c.status() == CheckResult.Status.WARN).toList() : failed;
        List<Node> rows = new java.util.ArrayList<>();
        if (shown.isEmpty()) {
            HBox row = new HBox(8, icon(CheckResult.Status.PASS), wrapped(checks.size() == 1 ? "The precheck passed."
                    : "All " + checks.size() + " prechecks passed.", "wf-attention-text"));
            row.setAlignment(Pos.CENTER_LEFT);
            rows.add(row);
        }
        for (CheckResult c : shown.subList(0, Math.min(3, shown.size()))) {
            Label text = wrapped(c.name() + ": " + c.evidence(), "wf-attention-text");
            if (WorkflowDialogViewModel.isKey(c)) {
                // Set out in full under "Read this first"; here one line each keeps the buttons in reach.
                text.setWrapText(false);
                text.setTooltip(new javafx.scene.control.Tooltip(c.evidence()));
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, icon(c.status()), text);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.add(row);
        }
        if (shown.size() > 3) {
            rows.add(muted("and " + (shown.size() - 3) + " more in the prechecks above"));
        }
        return rows;
    }

    // --- small helpers ------------------------------------------------------------------------------------

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static <T> void rebuildOn(ObservableList<T> list, Runnable rebuild) {
        list.addListener((ListChangeListener<T>) c -> rebuild.run());
        rebuild.run();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wf-section");
        return l;
    }

    private static Label subsection(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wf-subsection");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wf-muted");
        return l;
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** Time limits are round numbers: "5 s", "90 s", "250 ms". */
    static String limit(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }


    static String tone(CheckResult.Status status) {
        return switch (status) {
            case PASS -> "ok";
            case WARN -> "warn";
            case FAIL -> "bad";
        };
    }

    static String tone(WorkflowDialogViewModel.StepStatus status) {
        return switch (status) {
            case DONE -> "ok";
            case FAILED, UNKNOWN -> "bad";
            case RUNNING -> "accent";
            case PLANNED, NOT_RUN -> "muted";
        };
    }

    static String tone(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED, DRY_RUN -> "ok";
            case DECLINED, CANCELLED, BLOCKED, REFUSED, NOT_VERIFIED -> "warn";
            case FAILED, RESULT_UNKNOWN -> "bad";
        };
    }
}
