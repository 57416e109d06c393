package dev.vigil.ops;

import java.util.List;

/** The ordered steps of a workflow, numbered from 1 in what the operator sees. */
public record Plan(List<Step> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    public Step step(int number) {
        return steps.get(number - 1);
    }

    public int size() {
        return steps.size();
    }
}
