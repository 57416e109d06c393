package dev.vigil.monitor.statements;

/** What identifies a pg_stat_statements entry: user, database, query id, and (14+) whether it ran at top level. */
public record StatementKey(long userId, long databaseId, long queryId, boolean topLevel) {
}
