package dev.vigil.ops.failover;

import dev.vigil.sql.VersionedSql;
import dev.vigil.sql.VersionedSql.Since;

/** The SQL of switchover, failover and rejoin: {@code ops/failover/sql/<name>.sql} next to this class. */
enum FailoverSql implements VersionedSql.Query {
    @Since(140000) NODE_STATE,
    DOWNSTREAM,
    PHYSICAL_SLOTS,
    LONG_TRANSACTIONS,
    HA_AGENTS,
    @Since(150000) BACKUP_STATE,
    @Since(150000) OPERATOR_PRIVILEGES,
    WAL_PROGRESS,
    CURRENT_LSN,
    CHECKPOINT,
    PROMOTE,
    RELOAD,
    RECEIVER,
    PROMOTED,
    SET_PRIMARY_CONNINFO,
    CREATE_SLOT;
}
