-- Transaction-id and multixact age of every database: how far each is from the 2^31 wraparound limit, and the
-- autovacuum_freeze_max_age at which autovacuum forces a freeze.
SELECT d.datname::text AS database,
       pg_catalog.age(d.datfrozenxid)::bigint AS xid_age,
       pg_catalog.mxid_age(d.datminmxid)::bigint AS mxid_age,
       pg_catalog.current_setting('autovacuum_freeze_max_age')::bigint AS freeze_max_age,
       pg_catalog.current_setting('autovacuum_multixact_freeze_max_age')::bigint AS multixact_freeze_max_age
FROM pg_catalog.pg_database d
ORDER BY xid_age DESC
