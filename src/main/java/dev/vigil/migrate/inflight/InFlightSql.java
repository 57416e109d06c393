package dev.vigil.migrate.inflight;

import dev.vigil.sql.VersionedSql;

/** The SQL of stopping an in-flight migration: {@code migrate/inflight/sql/<name>.sql} next to this class. */
enum InFlightSql implements VersionedSql.Query {
    TARGET_STATE,
    RELATION_SHAPE,
    HISTORY_TABLES,
    HISTORY_STATE,
    MAY_SIGNAL;
}
