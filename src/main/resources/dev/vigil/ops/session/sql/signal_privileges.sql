-- What the operator role may signal, by the rules of pg_cancel_backend and pg_terminate_backend: a superuser
-- may signal any backend; anyone else never a superuser's, and another role's only with the privileges of
-- that role or of pg_signal_backend. backend_start is null when the operator may not see it.
SELECT a.pid,
       a.backend_start,
       a.usename::text AS usename,
       me.rolname::text AS operator,
       me.rolsuper AS operator_superuser,
       COALESCE(target.rolsuper, false) AS target_superuser,
       COALESCE(pg_catalog.pg_has_role(me.oid, a.usesysid, 'USAGE'), false) AS operator_has_target_role,
       pg_catalog.pg_has_role(me.oid, 'pg_signal_backend', 'USAGE') AS operator_signal_backend
FROM pg_catalog.pg_roles me
LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = ANY (?)
LEFT JOIN pg_catalog.pg_roles target ON target.oid = a.usesysid
WHERE me.rolname = CURRENT_USER
