package dev.vigil.cluster;

import dev.vigil.sql.VersionedSql;

/** The SQL the cluster package runs, each in {@code cluster/sql/} next to this class. */
enum ClusterSql implements VersionedSql.Query {
    NODE_STATUS("node_status");

    private final String fileName;
    private final int[] variantsSince;

    ClusterSql(String fileName, int... variantsSince) {
        this.fileName = fileName;
        this.variantsSince = variantsSince;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public int[] variantsSince() {
        return variantsSince.clone();
    }

    @Override
    public Class<?> anchor() {
        return ClusterSql.class;
    }
}
