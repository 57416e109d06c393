package dev.vigil.lab.workload;

import dev.vigil.sql.VersionedSql;

/** The SQL the lab's workload runs: {@code lab/workload/sql/<name>.sql} next to this class. */
enum WorkloadSql implements VersionedSql.Query {
    PLACE_ORDER,
    ADD_ITEM,
    CUSTOMER_ORDERS,
    SHIP_ORDER,
    MISSING_ACKED;
}
