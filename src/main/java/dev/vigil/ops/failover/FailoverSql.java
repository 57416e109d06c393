package dev.vigil.ops.failover;

import dev.vigil.sql.VersionedSql;

/** The SQL of switchover, failover and rejoin: {@code ops/failover/sql/<name>.sql} next to this class. */
enum FailoverSql implements VersionedSql.Query {
    NODE_STATE(140000),
    DOWNSTREAM,
    PHYSICAL_SLOTS,
    LONG_TRANSACTIONS,
    HA_AGENTS,
    BACKUP_STATE(150000),
    OPERATOR_PRIVILEGES(150000),
    WAL_PROGRESS,
    CURRENT_LSN,
    CHECKPOINT,
    PROMOTE,
    RELOAD,
    RECEIVER,
    PROMOTED,
    SET_PRIMARY_CONNINFO,
    CREATE_SLOT;

    private final int[] variantsSince;

    FailoverSql(int... variantsSince) {
        this.variantsSince = variantsSince;
    }

    @Override
    public int[] variantsSince() {
        return variantsSince.clone();
    }

    String sql() {
        return sql(0);
    }
}
