package dev.vigil.ui.shell;

import atlantafx.base.controls.ToggleSwitch;
import dev.vigil.cluster.ClusterStatus;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.Format;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Connection state, sampling interval, age of the last sample, what is watched, and the live/paused switch. */
final class StatusBarView extends HBox {
    private final MainViewModel vm;
    private final Label connection = new Label("starting…");
    private final Label interval = new Label();
    private final Label age = new Label();
    private final Label source = new Label();
    private final ToggleSwitch live = new ToggleSwitch("Live");

    StatusBarView(MainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        live.selectedProperty().bindBidirectional(vm.liveProperty());
        live.setId("live-switch");
        connection.setId("connection-state");
        source.textProperty().bind(vm.sourceDescriptionProperty());
        getChildren().addAll(connection, separator(), interval, separator(), age, spacer, source, separator(), live);

        interval.setId("sampling-interval");
        interval.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> intervalText(
                vm.selectedCluster(), vm.samplingIntervalProperty().get()), vm.selectedClusterProperty(),
                vm.samplingIntervalProperty()));
        vm.clusters().addListener((javafx.collections.ListChangeListener<ClusterViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(cluster -> cluster.statusProperty().addListener((o, a, b) -> refresh()));
            }
        });
        // Ages move on between samples (and while paused), so redraw them on a clock of their own.
        Timeline clock = new Timeline(new KeyFrame(javafx.util.Duration.millis(500), e -> refresh()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
        // The toolkit's timer holds a running Timeline, and through it this whole window: stop it with the window.
        vm.onClose(() -> vm.ui().run(clock::stop));
        refresh();
    }

    private void refresh() {
        long up = 0;
        long total = 0;
        for (ClusterViewModel cluster : vm.clusters()) {
            ClusterStatus status = cluster.status();
            up += status.reachableCount();
            total += status.nodes().size();
        }
        connection.getStyleClass().removeAll("state-ok", "state-warn");
        if (total == 0) {
            connection.setText(vm.phaseProperty().get() == MainViewModel.Phase.FAILED ? "not connected" : "starting…");
        } else {
            connection.setText(up + "/" + total + " nodes reachable");
            connection.getStyleClass().add(up == total ? "state-ok" : "state-warn");
        }
        Instant last = vm.lastSampleAtProperty().get();
        String paused = vm.liveProperty().get() ? "" : " · PAUSED";
        age.setText(last == null ? "no sample yet" + paused
                : "last sample " + Format.duration(Duration.between(last, Instant.now())) + " ago" + paused);
    }

    /** The selected cluster's own interval, named, since clusters may be sampled at different paces. */
    static String intervalText(ClusterViewModel selected, Duration interval) {
        return (selected == null ? "" : selected.name() + " ") + "sampling every " + Format.duration(interval);
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
