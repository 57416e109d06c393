-- Indexes of the monitored database never scanned since the statistics began, and invalid ones (a failed
-- CREATE INDEX CONCURRENTLY). Whether an index backs a constraint decides whether it may be dropped at all.
-- One row even when there is none (index_name NULL), so the database and its statistics age always come back.
SELECT db.database, db.stats_reset, x.schema_name, x.table_name, x.index_name, x.idx_scan, x.index_bytes,
       x.is_unique, x.is_valid, x.backs_constraint
FROM (SELECT pg_catalog.current_database()::text AS database,
             (SELECT d.stats_reset FROM pg_catalog.pg_stat_database d
              WHERE d.datname = pg_catalog.current_database()) AS stats_reset) db
LEFT JOIN LATERAL (
    SELECT s.schemaname::text AS schema_name, s.relname::text AS table_name, s.indexrelname::text AS index_name,
           s.idx_scan, pg_catalog.pg_relation_size(s.indexrelid) AS index_bytes,
           i.indisunique AS is_unique, i.indisvalid AS is_valid,
           EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = s.indexrelid) AS backs_constraint
    FROM pg_catalog.pg_stat_user_indexes s
    JOIN pg_catalog.pg_index i ON i.indexrelid = s.indexrelid
    WHERE s.idx_scan = 0 OR NOT i.indisvalid
    ORDER BY index_bytes DESC
    LIMIT 50
) x ON true
