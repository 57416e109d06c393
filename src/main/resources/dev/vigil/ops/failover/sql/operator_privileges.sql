-- What the operator login may do, before 15: CHECKPOINT and ALTER SYSTEM need a superuser.
SELECT current_user AS role,
       r.rolsuper AS superuser,
       pg_catalog.has_function_privilege('pg_catalog.pg_promote(boolean, integer)', 'EXECUTE') AS can_promote,
       r.rolsuper AS can_checkpoint,
       r.rolsuper AS can_set_conninfo,
       pg_catalog.has_function_privilege('pg_catalog.pg_reload_conf()', 'EXECUTE') AS can_reload,
       (r.rolsuper OR r.rolreplication) AS can_create_slots
FROM pg_catalog.pg_roles r
WHERE r.rolname = current_user
