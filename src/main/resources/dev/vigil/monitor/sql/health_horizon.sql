-- Who holds back vacuum's horizon: sessions with an old snapshot or transaction id, replication slots with an
-- xmin or catalog_xmin, and prepared transactions. Ages are in transactions (age()); held_seconds is how long
-- the transaction (or prepared transaction) has been open. Our own backend is left out.
SELECT h.kind, h.pid, h.holder_user, h.application, h.database, h.state, h.xmin_age, h.held_seconds, h.name,
       h.query
FROM (
    SELECT 'session'::text AS kind, a.pid, a.usename::text AS holder_user, a.application_name AS application,
           a.datname::text AS database, COALESCE(a.state, a.backend_type) AS state,
           pg_catalog.age(COALESCE(a.backend_xmin, a.backend_xid))::bigint AS xmin_age,
           EXTRACT(EPOCH FROM pg_catalog.now() - a.xact_start)::float8 AS held_seconds,
           NULL::text AS name, pg_catalog.left(a.query, 300) AS query
    FROM pg_catalog.pg_stat_activity a
    WHERE COALESCE(a.backend_xmin, a.backend_xid) IS NOT NULL AND a.pid <> pg_catalog.pg_backend_pid()
    UNION ALL
    SELECT 'slot', s.active_pid, NULL, NULL, s.database::text, CASE WHEN s.active THEN 'active' ELSE 'inactive' END,
           GREATEST(pg_catalog.age(s.xmin), pg_catalog.age(s.catalog_xmin))::bigint, NULL, s.slot_name::text, NULL
    FROM pg_catalog.pg_replication_slots s
    WHERE s.xmin IS NOT NULL OR s.catalog_xmin IS NOT NULL
    UNION ALL
    SELECT 'prepared', NULL, p.owner::text, NULL, p.database::text, 'prepared', pg_catalog.age(p.transaction)::bigint,
           EXTRACT(EPOCH FROM pg_catalog.now() - p.prepared)::float8, p.gid, NULL
    FROM pg_catalog.pg_prepared_xacts p
) h
ORDER BY h.xmin_age DESC NULLS LAST
LIMIT 10
