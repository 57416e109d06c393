-- Sessions waiting on a lock, and the sessions they wait for, in one round trip.
-- pg_blocking_pids() takes every lock-manager partition lock, so it runs only for sessions whose
-- wait_event_type is 'Lock' (materialized: one call per waiter).
-- pg_stat_activity is built once per call: materialize it, and read it once.
WITH a AS MATERIALIZED (
    SELECT s.pid, s.usename, s.datname, s.application_name, s.state, s.wait_event_type, s.wait_event,
           s.xact_start, s.query_start, pg_catalog.left(s.query, 1000) AS query
    FROM pg_catalog.pg_stat_activity s
), waiting AS MATERIALIZED (
    SELECT a.pid, pg_catalog.pg_blocking_pids(a.pid) AS blocked_by
    FROM a
    WHERE a.wait_event_type = 'Lock'
), strong AS MATERIALIZED (
    -- What blockers hold that a migration takes (SHARE and stronger table locks): read only when someone waits,
    -- in one pg_locks snapshot (the EXISTS is a one-time filter: no snapshot at all otherwise).
    SELECT l.pid, pg_catalog.array_agg(l.mode || ' on ' || l.relation::regclass::text ORDER BY l.relation) AS held
    FROM pg_catalog.pg_locks l
    WHERE EXISTS (SELECT 1 FROM waiting)
      AND l.granted AND l.locktype = 'relation'
      AND l.mode IN ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
      AND l.pid IN (SELECT pg_catalog.unnest(w.blocked_by) FROM waiting w)
    GROUP BY l.pid
)
SELECT pg_catalog.now() AS server_now,
       a.pid,
       w.blocked_by,
       a.usename::text AS usename,
       a.datname::text AS datname,
       a.application_name,
       a.state,
       a.wait_event_type,
       a.wait_event,
       a.xact_start,
       a.query_start,
       a.query,
       st.held AS strong_locks,
       l.locktype,
       l.mode,
       -- regclass can name only tables of the database we are connected to; others say where they are.
       CASE WHEN COALESCE(l.relation, t.relation) IS NULL THEN NULL
            WHEN COALESCE(l.database, t.database) = (SELECT d.oid FROM pg_catalog.pg_database d
                                                     WHERE d.datname = pg_catalog.current_database())
            THEN COALESCE(l.relation, t.relation)::regclass::text
            ELSE 'relation ' || COALESCE(l.relation, t.relation) || ' in database '
                 || COALESCE((SELECT d.datname FROM pg_catalog.pg_database d
                              WHERE d.oid = COALESCE(l.database, t.database)), '?')
       END AS relation,
       l.waitstart
FROM a
LEFT JOIN waiting w ON w.pid = a.pid
LEFT JOIN strong st ON st.pid = a.pid
LEFT JOIN LATERAL (
    SELECT l.locktype, l.mode, l.relation, l.database, l.waitstart
    FROM pg_catalog.pg_locks l
    WHERE l.pid = a.pid AND NOT l.granted
    LIMIT 1
) l ON w.pid IS NOT NULL
-- A row-lock waiter waits on the holder's transaction id; the row's table is on the tuple lock it holds.
LEFT JOIN LATERAL (
    SELECT l2.relation, l2.database
    FROM pg_catalog.pg_locks l2
    WHERE l2.pid = a.pid AND l2.granted AND l2.locktype = 'tuple'
    LIMIT 1
) t ON w.pid IS NOT NULL
WHERE w.pid IS NOT NULL
   OR a.pid IN (SELECT pg_catalog.unnest(blocked_by) FROM waiting)
