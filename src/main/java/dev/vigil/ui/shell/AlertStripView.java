package dev.vigil.ui.shell;

import dev.vigil.alert.Severity;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The active alerts across all clusters, critical first, as a strip under the header. Clicking an alert opens
 * the view where its cause is. The strip keeps its place and height when nothing is wrong ("No active
 * alerts"): alerts come and go during an incident, and a strip that appeared and vanished would move every
 * button under the operator's pointer just as they reach for "Fail over…".
 */
final class AlertStripView extends HBox {
    private final MainViewModel vm;
    private final HBox chips = new HBox(8);
    private final Label count = new Label();
    private final Consumer<ActiveAlert> open;

    AlertStripView(MainViewModel vm, Consumer<ActiveAlert> open) {
        this.vm = vm;
        this.open = open;
        setId("alert-strip");
        getStyleClass().add("alert-strip");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        count.getStyleClass().add("alert-count");
        chips.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroller = new ScrollPane(chips);
        scroller.getStyleClass().add("alert-scroller");
        scroller.setFitToHeight(true);
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        HBox.setHgrow(scroller, Priority.ALWAYS);
        getChildren().addAll(count, scroller);
        vm.alerts().addListener((ListChangeListener<ActiveAlert>) c -> refresh());
        refresh();
    }

    private void refresh() {
        boolean any = !vm.alerts().isEmpty();
        long critical = vm.alerts().stream().filter(a -> a.severity() == Severity.CRITICAL).count();
        String state = !any ? "calm" : critical > 0 ? "critical" : "warning";
        count.setText(!any ? "No active alerts" : vm.alerts().size() + (vm.alerts().size() == 1 ? " alert" : " alerts"));
        count.getStyleClass().removeAll("critical", "warning", "calm");
        count.getStyleClass().add(state);
        getStyleClass().removeAll("critical", "warning", "calm");
        getStyleClass().add(state);
        chips.getChildren().setAll(vm.alerts().stream().map(this::chip).toList());
    }

    private Label chip(ActiveAlert alert) {
        String age = Format.duration(Duration.between(alert.since(), Instant.now()).withNanos(0));
        Label chip = new Label(alert.where() + " · " + alert.finding().message());
        chip.getStyleClass().addAll("alert-chip", alert.severity() == Severity.CRITICAL ? "critical" : "warning");
        StringBuilder tip = new StringBuilder(alert.finding().rule() + " · raised " + age + " ago");
        alert.finding().evidence().forEach((k, v) -> tip.append('\n').append(k).append(": ")
                .append(v.length() > 200 ? v.substring(0, 200) + "…" : v));
        chip.setTooltip(new Tooltip(tip.toString()));
        chip.setOnMouseClicked(e -> open.accept(alert));
        return chip;
    }

    /** The view that shows what an alert is about. */
    static ConsoleView viewFor(ActiveAlert alert) {
        return switch (alert.finding().rule()) {
            case "blocked-sessions", "migration-in-flight" -> ConsoleView.LOCKS;
            case "long-transaction", "idle-in-transaction", "connections" -> ConsoleView.SESSIONS;
            case "two-primaries", "standby-not-streaming", "replication-lag", "slot-retention" -> ConsoleView.REPLICATION;
            default -> ConsoleView.OVERVIEW;
        };
    }
}
