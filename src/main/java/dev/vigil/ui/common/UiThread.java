package dev.vigil.ui.common;

import javafx.application.Platform;

/** Where view-model state may change: the FX thread in the app, the calling thread in unit tests. */
@FunctionalInterface
public interface UiThread {
    void run(Runnable action);

    static UiThread fx() {
        return action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        };
    }

    static UiThread immediate() {
        return Runnable::run;
    }
}
