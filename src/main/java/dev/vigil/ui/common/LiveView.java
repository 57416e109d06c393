package dev.vigil.ui.common;

import javafx.scene.Node;

/**
 * A console view. Only the view on screen is refreshed: once per applied tick, and when the selection changes or
 * it comes into view. {@code cluster} is never null; {@code node} is the node chosen in the tree, or null.
 */
public interface LiveView {
    ConsoleView kind();

    Node node();

    void refresh(ClusterViewModel cluster, String node);

    /** Its tab was selected: the view is about to be refreshed on screen (views that read on open read now). */
    default void opened() {
    }

    /** Every tick, shown or not: for views that keep a history of their own (per-query trends). Cheap. */
    default void observe(ClusterViewModel cluster, String node) {
    }
}
