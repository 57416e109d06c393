package dev.vigil.ops;

import dev.vigil.sql.VersionedSql;

/** The engine's own SQL: {@code ops/sql/<name>.sql} next to this class. */
enum OpsSql implements VersionedSql.Query {
    TOPOLOGY;
}
