package dev.vigil.ops.explain;

import java.util.Objects;

/**
 * What the operator asked for.
 *
 * @param query          the statement as entered or picked, e.g. a normalized text from pg_stat_statements
 * @param mode           plan only, or run it with ANALYZE inside a transaction that is rolled back
 * @param writeConfirmed whether the operator confirmed that a writing statement may run (and be rolled back)
 */
public record ExplainRequest(String query, Mode mode, boolean writeConfirmed) {

    public enum Mode {
        /** EXPLAIN: plans the statement, runs nothing. */
        PLAN,
        /** EXPLAIN ANALYZE inside a transaction that is always rolled back. */
        ANALYZE_ROLLED_BACK
    }

    public ExplainRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mode, "mode");
    }

    public static ExplainRequest plan(String query) {
        return new ExplainRequest(query, Mode.PLAN, false);
    }

    public static ExplainRequest analyze(String query, boolean writeConfirmed) {
        return new ExplainRequest(query, Mode.ANALYZE_ROLLED_BACK, writeConfirmed);
    }
}
