-- Sizes, read rarely: every database (pg_monitor's pg_read_all_stats may size them all), and the twenty largest
-- tables of the monitored database with their indexes and TOAST. pg_database_size walks the database's files,
-- which is why this runs every few minutes and no more.
(SELECT pg_catalog.now() AS server_now, 'database'::text AS kind, ''::text AS schema_name, d.datname::text AS name,
        pg_catalog.pg_database_size(d.oid) AS total_bytes, NULL::bigint AS table_bytes, NULL::bigint AS index_bytes
 FROM pg_catalog.pg_database d
 WHERE d.datallowconn
 ORDER BY total_bytes DESC)
UNION ALL
(SELECT pg_catalog.now(), 'table', n.nspname::text, c.relname::text, pg_catalog.pg_total_relation_size(c.oid),
        pg_catalog.pg_table_size(c.oid), pg_catalog.pg_indexes_size(c.oid)
 FROM pg_catalog.pg_class c
 JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_toast'
 ORDER BY 5 DESC
 LIMIT 20)
