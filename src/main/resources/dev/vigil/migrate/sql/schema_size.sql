-- What a DROP SCHEMA would take with it: its tables and their estimated rows (pg_class.reltuples, from the
-- last VACUUM or ANALYZE; -1 means never counted).
SELECT count(*) AS relations,
       coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint AS estimated_rows
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'm')
