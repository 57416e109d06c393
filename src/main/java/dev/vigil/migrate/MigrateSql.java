package dev.vigil.migrate;

import dev.vigil.sql.VersionedSql;

/**
 * Vigil's own SQL for migrations: {@code migrate/sql/<name>.sql} next to this class. Identifiers that come from
 * configuration or scripts enter through named slots ({@code {relation}},
 * {@code {column}}), filled in one pass by {@link dev.vigil.sql.IdentifierSlots} only with names quoted by
 * {@link dev.vigil.sql.Identifiers#quote}. The migration scripts themselves are
 * the project's SQL and run as written.
 */
enum MigrateSql implements VersionedSql.Query {
    SET_LOCAL,
    SET_SESSION,
    SERVER,
    COUNT_ROWS,
    COUNT_VALUES,
    SCHEMA_SIZE,
    RELATION_EXISTS,
    COLUMN_EXISTS,
    WATCH,
    BLOCKED_BY_APPLICATION
}
