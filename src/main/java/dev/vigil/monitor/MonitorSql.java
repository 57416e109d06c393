package dev.vigil.monitor;

import dev.vigil.sql.VersionedSql;
import dev.vigil.sql.VersionedSql.Since;

/**
 * The collectors' SQL: {@code monitor/sql/<name>.sql} next to this class, plus variants by server version. Every
 * text starts with {@link #MARK}: pg_stat_statements keeps a statement's leading comment in its text, so Vigil can
 * tell its own statements from everyone else's even when it monitors as a shared (superuser) role.
 */
public enum MonitorSql implements VersionedSql.Query {
    NODE_STATUS,
    ACTIVITY,
    DATABASE,
    REPLICATION_DOWNSTREAM,
    REPLICATION_SLOTS,
    REPLICATION_RECEIVER,
    STATEMENTS_EXTENSION,
    /** 14 added toplevel to the entry key. */
    @Since(140000) STATEMENTS,
    STATEMENTS_TEXTS,
    /** 14 added pg_stat_statements_info. */
    @Since(140000) STATEMENTS_INFO,
    /** 14 added pg_locks.waitstart. */
    @Since(140000) LOCK_WAITS,
    /** Run in another database of the node, to name the tables its locks are on. */
    RELATION_NAMES,
    HEALTH_HORIZON,
    HEALTH_WRAPAROUND,
    HEALTH_INDEXES,
    HEALTH_REDUNDANT_INDEXES,
    HEALTH_SEQUENCES,
    /** 17 moved the checkpointer's counters to pg_stat_checkpointer. */
    @Since(170000) HEALTH_CHECKPOINTS,
    HEALTH_VACUUM_TABLES,
    HEALTH_VACUUM_PROGRESS,
    HEALTH_SIZES,
    /** 14 added pg_stat_wal. */
    @Since(140000) HEALTH_WAL;

    /** The comment that starts every monitoring statement Vigil sends. */
    static final String MARK = "/* vigil-monitor */ ";

    @Override
    public String sql(int serverVersionNum) {
        return MARK + VersionedSql.Query.super.sql(serverVersionNum);
    }

    /** Whether a pg_stat_statements text is one of the statements above, as Vigil sent it. */
    public static boolean isOwnText(String text) {
        return text != null && text.stripLeading().startsWith(MARK.strip());
    }
}
