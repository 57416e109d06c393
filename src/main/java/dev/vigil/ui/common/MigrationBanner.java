package dev.vigil.ui.common;

import dev.vigil.locks.InFlightMigration;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The incident moment, said plainly above the lock graph: a session that looks like a migration holds (or queues
 * for) a table lock with traffic piling up behind it, and the guided way out. Hidden when there is none.
 */
public final class MigrationBanner extends HBox {
    private final Label text = new Label();
    private final Button stop = new Button("Stop it safely…");
    private final Button terminate = new Button("Terminate…");
    private InFlightMigration shown;

    /** {@code onStop} and {@code onTerminate} get the suspect's pid. */
    public MigrationBanner(IntConsumer onStop, IntConsumer onTerminate) {
        this("migration", onStop, onTerminate);
    }

    /** With its own ids ({@code idPrefix + "-banner"}, {@code "-stop"}…), for a second banner in the window. */
    public MigrationBanner(String idPrefix, IntConsumer onStop, IntConsumer onTerminate) {
        setId(idPrefix + "-banner");
        getStyleClass().add("migration-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(8, 12, 8, 12));
        text.setWrapText(true);
        text.setId(idPrefix + "-banner-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        stop.setId(idPrefix + "-stop");
        stop.getStyleClass().add("accent");
        terminate.setId(idPrefix + "-terminate");
        terminate.getStyleClass().add("danger");
        stop.setOnAction(e -> {
            if (shown != null) {
                onStop.accept(shown.pid());
            }
        });
        terminate.setOnAction(e -> {
            if (shown != null) {
                onTerminate.accept(shown.pid());
            }
        });
        stop.setMinWidth(USE_PREF_SIZE);
        terminate.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(text, stop, terminate);
        show(List.of(), "");
    }

    public void show(List<InFlightMigration> suspects, String node) {
        boolean any = !suspects.isEmpty();
        setVisible(any);
        setManaged(any);
        if (!any) {
            shown = null;
            return;
        }
        boolean samePid = shown != null && shown.pid() == suspects.get(0).pid();
        shown = suspects.get(0);
        text.setText("Migration in flight on " + node + "? " + Format.capitalised(shown.describe()) + "."
                + (shown.ddl() ? " It runs DDL." : "")
                + (suspects.size() > 1 ? " " + (suspects.size() - 1) + " more like it." : "")
                + " Stopping it rolls its transaction back, DDL included.");
        if (!samePid) { // its age and waiters change every tick, the pid the tooltip names does not
            terminate.setTooltip(new javafx.scene.control.Tooltip("Only if a cancel did not free the table: ends pid "
                + shown.pid() + "'s session (a typed confirmation)."));
        }
    }

}
