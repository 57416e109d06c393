-- The suspected migration now: who it is (pid and backend_start, so a reused pid is never mistaken for it),
-- what it runs, the SHARE-or-stronger table locks it holds, and how many sessions wait on it.
-- pg_blocking_pids() runs only for sessions waiting on a lock.
WITH waiting AS MATERIALIZED (
    SELECT w.pid, pg_catalog.pg_blocking_pids(w.pid) AS blocked_by
    FROM pg_catalog.pg_stat_activity w
    WHERE w.wait_event_type = 'Lock'
)
SELECT a.pid,
       a.backend_start,
       a.state,
       a.usename::text AS usename,
       a.application_name,
       pg_catalog.left(a.query, 1000) AS query,
       (SELECT pg_catalog.array_agg(l.mode || ' on ' || l.relation::regclass::text ORDER BY l.relation)
          FROM pg_catalog.pg_locks l
         WHERE l.pid = a.pid AND l.granted AND l.locktype = 'relation'
           AND l.mode IN ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')
           AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                              WHERE d.datname = pg_catalog.current_database())) AS strong_locks,
       (SELECT pg_catalog.count(*) FROM waiting w WHERE a.pid = ANY (w.blocked_by))::int AS blocked_directly,
       (SELECT pg_catalog.count(*) FROM waiting)::int AS waiting_total
FROM pg_catalog.pg_stat_activity a
WHERE a.pid = ?
