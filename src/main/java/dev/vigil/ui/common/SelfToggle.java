package dev.vigil.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The "Show Vigil's own activity" check box. Every view that has one binds it to the one shared setting, so
 * turning it on in Sessions also shows Vigil's statements in Queries.
 */
public final class SelfToggle {
    static final String ID = "show-vigil";

    private SelfToggle() {}

    public static CheckBox boundTo(BooleanProperty shared) {
        CheckBox box = new CheckBox("Show Vigil's own activity");
        box.setId(ID);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setTooltip(new Tooltip("Vigil's own sessions (application_name vigil-monitor, vigil-action) and the "
                + "statements of a dedicated monitoring role are left out unless this is on."));
        box.selectedProperty().bindBidirectional(shared);
        return box;
    }
}
