-- What the operator login may do, 15 and later: pg_checkpoint and ALTER SYSTEM ON PARAMETER can be granted.
SELECT current_user AS role,
       r.rolsuper AS superuser,
       pg_catalog.has_function_privilege('pg_catalog.pg_promote(boolean, integer)', 'EXECUTE') AS can_promote,
       (r.rolsuper OR pg_catalog.pg_has_role('pg_checkpoint', 'USAGE')) AS can_checkpoint,
       (r.rolsuper OR pg_catalog.has_parameter_privilege('primary_conninfo', 'ALTER SYSTEM')) AS can_set_conninfo,
       pg_catalog.has_function_privilege('pg_catalog.pg_reload_conf()', 'EXECUTE') AS can_reload,
       (r.rolsuper OR r.rolreplication) AS can_create_slots
FROM pg_catalog.pg_roles r
WHERE r.rolname = current_user
