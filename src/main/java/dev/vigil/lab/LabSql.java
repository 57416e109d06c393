package dev.vigil.lab;

import dev.vigil.sql.VersionedSql.Since;
import dev.vigil.sql.VersionedSql;

/** The SQL the lab runs: {@code lab/sql/<name>.sql} next to this class, plus variants by server version. */
enum LabSql implements VersionedSql.Query {
    CREATE_ROLES,
    DEMO_SCHEMA,
    @Since(150000) BACKUP_START,
    @Since(150000) BACKUP_STOP,
    REPLAY_PAUSE,
    REPLAY_RESUME,
    PROMOTE,
    WAL_POSITION,
    STREAMING_STANDBYS;
}
