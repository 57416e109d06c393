package dev.vigil.ops.failover;

import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.StepRecord;
import java.util.List;

/** The roles of the role-change steps ({@link dev.vigil.ops.workflow.Step#role()}), by which plans and reports are read. */
public final class StepRoles {
    public static final String STOP = "stop";
    public static final String PROMOTE = "promote";
    public static final String CHECK_PROMOTED = "check-promoted";
    public static final String CREATE_SLOT = "create-slot";
    public static final String REJOIN = "rejoin";

    private StepRoles() {}

    public static boolean planned(Plan plan, String role) {
        return plan.steps().stream().anyMatch(s -> s.role().equals(role));
    }

    public static boolean tried(List<StepRecord> attempted, String role) {
        return attempted.stream().anyMatch(r -> r.role().equals(role));
    }

    public static boolean done(List<StepRecord> attempted, String role) {
        return attempted.stream().anyMatch(r -> r.role().equals(role) && r.done());
    }
}
