package dev.vigil.ops;

import dev.vigil.sql.VersionedSql;

/** The engine's own SQL: {@code ops/sql/<name>.sql} next to this class. */
enum OpsSql implements VersionedSql.Query {
    TOPOLOGY;

    private final int[] variantsSince;

    OpsSql(int... variantsSince) {
        this.variantsSince = variantsSince;
    }

    @Override
    public int[] variantsSince() {
        return variantsSince.clone();
    }
}
