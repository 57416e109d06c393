package dev.vigil.monitor;

import java.time.Instant;

/**
 * A collector's latest result on one node: a value with the time it was read, or the reason it cannot be read
 * and what would fix it. A metric is never silently missing.
 */
public sealed interface Metric<T> {

    record Available<T>(T value, Instant at) implements Metric<T> {}

    record Unavailable<T>(String reason, String fix, Instant since) implements Metric<T> {}

    /** Not read yet: the node has not been reached since this collector was added. */
    record Pending<T>() implements Metric<T> {}

    default boolean isAvailable() {
        return this instanceof Available;
    }
}
