package dev.vigil.lab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded wait-until loops for things PostgreSQL does asynchronously (replay, promotion, shutdown). */
public final class Waits {
    private static final long POLL_MILLIS = 20;

    private Waits() {}

    /** Waits until the condition holds, or fails naming what was awaited. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        if (!within(timeout, condition)) {
            throw new LabException("Timed out after " + timeout.toMillis() + " ms waiting for " + what + ".");
        }
    }

    /** Waits until the condition holds; false if the time ran out first. */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("Interrupted while waiting", e);
            }
        }
    }
}
