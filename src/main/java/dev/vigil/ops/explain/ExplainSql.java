package dev.vigil.ops.explain;

import dev.vigil.sql.VersionedSql;

/** The runner's own statements: {@code ops/explain/sql/<name>.sql}. The EXPLAIN itself is built by {@link ExplainForm}. */
enum ExplainSql implements VersionedSql.Query {
    BEGIN_READ_ONLY,
    BEGIN_READ_WRITE,
    LIMITS,
    ROLLBACK;
}
