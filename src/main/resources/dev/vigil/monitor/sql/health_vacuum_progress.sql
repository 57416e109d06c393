-- Vacuums running now (manual and autovacuum) with their phase and how far through the table they are.
SELECT p.pid, p.datname::text AS database, p.relid::pg_catalog.regclass::text AS table_name, p.phase,
       p.heap_blks_total, p.heap_blks_scanned, p.heap_blks_vacuumed, p.index_vacuum_count,
       a.backend_type = 'autovacuum worker' AS is_autovacuum,
       EXTRACT(EPOCH FROM pg_catalog.now() - a.xact_start)::float8 AS running_seconds
FROM pg_catalog.pg_stat_progress_vacuum p
LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = p.pid
ORDER BY p.pid
