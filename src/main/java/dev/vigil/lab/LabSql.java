package dev.vigil.lab;

import dev.vigil.sql.VersionedSql;

/** The SQL the lab runs, each in {@code lab/sql/} next to this class. */
enum LabSql implements VersionedSql.Query {
    CREATE_ROLES("create_roles"),
    DEMO_SCHEMA("demo_schema"),
    BACKUP_START("backup_start", 150000),
    BACKUP_STOP("backup_stop", 150000),
    REPLAY_PAUSE("replay_pause"),
    REPLAY_RESUME("replay_resume"),
    PROMOTE("promote"),
    WAL_POSITION("wal_position"),
    STREAMING_STANDBYS("streaming_standbys"),
    WORKLOAD_PLACE_ORDER("workload_place_order"),
    WORKLOAD_ADD_ITEM("workload_add_item"),
    WORKLOAD_CUSTOMER_ORDERS("workload_customer_orders"),
    WORKLOAD_SHIP_ORDER("workload_ship_order"),
    MISSING_ACKED("missing_acked");

    private final String fileName;
    private final int[] variantsSince;

    LabSql(String fileName, int... variantsSince) {
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
        return LabSql.class;
    }

    /** For queries with one file only. */
    String sql() {
        return sql(0);
    }
}
