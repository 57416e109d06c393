-- Where pg_stat_statements lives in this database (it is per database), and its version. With it, the
-- monitoring role's oid and whether it is a superuser: a dedicated role's entries are Vigil's own.
SELECT n.nspname::text AS schema, e.extversion,
       r.oid::bigint AS own_role, r.rolsuper AS own_role_is_superuser
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
JOIN pg_catalog.pg_roles r ON r.rolname = CURRENT_USER
WHERE e.extname = 'pg_stat_statements'
