-- Names of tables by oid, read in the database they are in (a lock on them was seen from another database).
-- Schema-qualified unless in public, as regclass shows them under the default search_path.
SELECT c.oid::bigint AS oid,
       CASE WHEN n.nspname = 'public' THEN pg_catalog.quote_ident(c.relname)
            ELSE pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
       END AS name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY (?::oid[])
