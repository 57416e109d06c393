package dev.vigil.ui.common;

import java.util.List;
import javafx.stage.Window;

/** Cancel or terminate backends: views ask, the workflow engine plans, checks, confirms and journals. */
public interface SessionActions {
    void signal(Window owner, ClusterViewModel cluster, String node, List<SessionRow> sessions, boolean terminate);
}
