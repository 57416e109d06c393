package dev.vigil.ui;

import dev.vigil.cluster.ClusterStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One cluster as the window shows it: the newest snapshot, replaced whole each tick. */
public final class ClusterViewModel {
    private final String name;
    private final ReadOnlyObjectWrapper<ClusterStatus> status;

    ClusterViewModel(ClusterStatus initial) {
        this.name = initial.cluster();
        this.status = new ReadOnlyObjectWrapper<>(initial);
    }

    public String name() {
        return name;
    }

    public ReadOnlyObjectProperty<ClusterStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ClusterStatus status() {
        return status.get();
    }

    void update(ClusterStatus next) {
        status.set(next);
    }
}
