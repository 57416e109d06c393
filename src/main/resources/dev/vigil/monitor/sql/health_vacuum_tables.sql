-- The tables of the monitored database with the most dead rows, with when (auto)vacuum and (auto)analyze last
-- ran and how many rows changed since; and autovacuum's workers busy against autovacuum_max_workers.
SELECT w.busy_workers, w.max_workers, t.schema_name, t.table_name, t.live_rows, t.dead_rows, t.modified_since_analyze,
       t.last_vacuum, t.last_autovacuum, t.last_analyze, t.last_autoanalyze, t.autovacuum_count
FROM (SELECT (SELECT count(*) FROM pg_catalog.pg_stat_activity a
              WHERE a.backend_type = 'autovacuum worker')::int AS busy_workers,
             pg_catalog.current_setting('autovacuum_max_workers')::int AS max_workers) w
LEFT JOIN LATERAL (
    SELECT s.schemaname::text AS schema_name, s.relname::text AS table_name, s.n_live_tup AS live_rows,
           s.n_dead_tup AS dead_rows, s.n_mod_since_analyze AS modified_since_analyze, s.last_vacuum,
           s.last_autovacuum, s.last_analyze, s.last_autoanalyze, s.autovacuum_count
    FROM pg_catalog.pg_stat_user_tables s
    WHERE s.n_dead_tup > 0
    ORDER BY s.n_dead_tup DESC
    LIMIT 20
) t ON true
