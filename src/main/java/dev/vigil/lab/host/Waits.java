package dev.vigil.lab.host;

import dev.vigil.os.Poll;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded wait-until loops for things PostgreSQL does asynchronously (replay, promotion, shutdown). */
public final class Waits {
    /** A lab server replays, promotes or stops in milliseconds, and a lab look is a local file or connection. */
    static final Duration POLL = Duration.ofMillis(20);

    private Waits() {}

    /** Waits until the condition holds, or fails naming what was awaited. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        if (!within(timeout, condition)) {
            throw new LabException("Timed out after " + timeout.toMillis() + " ms waiting for " + what + ".");
        }
    }

    /**
     * Waits until the condition holds; false if the time ran out first. A lab has no workflow cancel: an interrupt
     * of the waiting thread is its cancel, and ends the wait with a {@link LabException}.
     */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        try {
            return Poll.every(POLL, timeout).until(() -> condition.getAsBoolean() ? Poll.Look.done(true)
                    : Poll.Look.<Boolean>notYet("not yet")).met();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("Interrupted while waiting", e);
        }
    }
}
