package dev.vigil.monitor;

import dev.vigil.sql.VersionedSql;

/** The collectors' SQL: {@code monitor/sql/<name>.sql} next to this class, plus variants by server version. */
enum MonitorSql implements VersionedSql.Query {
    NODE_STATUS,
    ACTIVITY,
    DATABASE,
    REPLICATION_DOWNSTREAM,
    REPLICATION_SLOTS,
    REPLICATION_RECEIVER,
    STATEMENTS_EXTENSION,
    /** 14 added toplevel to the entry key. */
    STATEMENTS(140000),
    STATEMENTS_TEXTS,
    /** 14 added pg_stat_statements_info. */
    STATEMENTS_INFO(140000),
    /** 14 added pg_locks.waitstart. */
    LOCK_WAITS(140000);

    private final int[] variantsSince;

    MonitorSql(int... variantsSince) {
        this.variantsSince = variantsSince;
    }

    @Override
    public int[] variantsSince() {
        return variantsSince.clone();
    }
}
