-- Where pg_stat_statements lives in this database (it is per database), and its version.
SELECT n.nspname::text AS schema, e.extversion
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'pg_stat_statements'
