package dev.vigil.ops.session;

import dev.vigil.sql.VersionedSql;

/** The SQL of session actions: {@code ops/session/sql/<name>.sql} next to this class. */
enum SessionSql implements VersionedSql.Query {
    SESSIONS,
    SIGNAL_PRIVILEGES,
    CANCEL,
    TERMINATE,
    HELD_LOCKS;
}
