package dev.vigil.ops.explain;

import java.time.Duration;

/**
 * Bounds on one explain, set with SET LOCAL in its own transaction: how long the statement may run, and how long
 * it may wait for a lock (plain EXPLAIN takes the statement's table locks too, and would queue behind a
 * migration's ACCESS EXCLUSIVE lock).
 */
public record ExplainLimits(Duration statementTimeout, Duration lockTimeout) {
    public static final ExplainLimits DEFAULT = new ExplainLimits(Duration.ofSeconds(30), Duration.ofSeconds(3));

    public ExplainLimits {
        if (statementTimeout.isNegative() || statementTimeout.isZero() || lockTimeout.isNegative()
                || lockTimeout.isZero()) {
            throw new IllegalArgumentException("explain limits must be positive: " + statementTimeout + ", "
                    + lockTimeout);
        }
    }
}
