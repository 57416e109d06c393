-- Whether the operator may signal the backend $1: a superuser may signal any; others need that role's
-- privileges or pg_signal_backend, and never a superuser's backend.
SELECT me.rolname::text AS operator,
       (me.rolsuper OR (NOT COALESCE(target.rolsuper, false)
           AND (pg_catalog.pg_has_role(me.oid, a.usesysid, 'USAGE')
                OR pg_catalog.pg_has_role(me.oid, 'pg_signal_backend', 'USAGE')))) AS may_signal
FROM pg_catalog.pg_roles me
LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = ?
LEFT JOIN pg_catalog.pg_roles target ON target.oid = a.usesysid
WHERE me.rolname = CURRENT_USER
