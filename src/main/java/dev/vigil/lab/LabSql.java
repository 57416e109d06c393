package dev.vigil.lab;

import dev.vigil.sql.VersionedSql;

/** The SQL the lab runs: {@code lab/sql/<name>.sql} next to this class, plus variants by server version. */
enum LabSql implements VersionedSql.Query {
    CREATE_ROLES,
    DEMO_SCHEMA,
    BACKUP_START(150000),
    BACKUP_STOP(150000),
    REPLAY_PAUSE,
    REPLAY_RESUME,
    PROMOTE,
    WAL_POSITION,
    STREAMING_STANDBYS,
    WORKLOAD_PLACE_ORDER,
    WORKLOAD_ADD_ITEM,
    WORKLOAD_CUSTOMER_ORDERS,
    WORKLOAD_SHIP_ORDER,
    MISSING_ACKED;

    private final int[] variantsSince;

    LabSql(int... variantsSince) {
        this.variantsSince = variantsSince;
    }

    @Override
    public int[] variantsSince() {
        return variantsSince.clone();
    }

    /** For queries with one file only. */
    String sql() {
        return sql(0);
    }
}
