package dev.vigil.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Named durations of a multi-step lab operation, for the figures `vigil bench lab` prints. */
public final class StepTimings {
    public record Step(String name, Duration duration) {}

    private final List<Step> steps = new ArrayList<>();
    private final long startedAt = System.nanoTime();
    private long lastMark = startedAt;

    void mark(String step) {
        long now = System.nanoTime();
        steps.add(new Step(step, Duration.ofNanos(now - lastMark)));
        lastMark = now;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public Duration total() {
        return Duration.ofNanos(lastMark - startedAt);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        steps.forEach(s -> sb.append(String.format("  %-28s %6d ms%n", s.name(), s.duration().toMillis())));
        sb.append(String.format("  %-28s %6d ms", "total", total().toMillis()));
        return sb.toString();
    }
}
