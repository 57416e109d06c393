package dev.vigil.cluster;

import dev.vigil.sql.VersionedSql;

/** The SQL the cluster package runs: {@code cluster/sql/<name>.sql} next to this class. */
enum ClusterSql implements VersionedSql.Query {
    NODE_STATUS;

    private final int[] variantsSince;

    ClusterSql(int... variantsSince) {
        this.variantsSince = variantsSince;
    }

    @Override
    public int[] variantsSince() {
        return variantsSince.clone();
    }
}
