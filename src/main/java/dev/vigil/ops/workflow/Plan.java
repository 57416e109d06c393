package dev.vigil.ops.workflow;

import java.util.List;
import java.util.Optional;

/**
 * The ordered steps of a workflow, numbered from 1 in what the operator sees, and the stretch of them, if any,
 * that a cancel cannot cut short once it has begun.
 */
public record Plan(List<Step> steps, Optional<Uninterruptible> uninterruptible) {

    /**
     * Steps {@code from} to {@code to} run to the end once step {@code from} has started: a cancel asked for
     * meanwhile takes effect after step {@code to}, because stopping between them would leave the cluster worse
     * off than either end (a primary stopped and none promoted).
     */
    public record Uninterruptible(int from, int to, String why) {
        public Uninterruptible {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("steps " + from + " to " + to);
            }
        }
    }

    public Plan {
        steps = List.copyOf(steps);
        if (uninterruptible.isPresent() && uninterruptible.get().to() > steps.size()) {
            throw new IllegalArgumentException("step " + uninterruptible.get().to() + " of a plan of " + steps.size());
        }
    }

    public Plan(List<Step> steps) {
        this(steps, Optional.empty());
    }

    public Step step(int number) {
        return steps.get(number - 1);
    }

    public int size() {
        return steps.size();
    }

    /** Whether a cancel asked for before step {@code number} stops the run there. */
    public boolean cancelStopsBefore(int number) {
        return uninterruptible.map(u -> number <= u.from() || number > u.to()).orElse(true);
    }

    /** Whether step {@code number} is told of a cancel while it runs. */
    public boolean cancelReaches(int number) {
        return uninterruptible.map(u -> number < u.from() || number > u.to()).orElse(true);
    }
}
