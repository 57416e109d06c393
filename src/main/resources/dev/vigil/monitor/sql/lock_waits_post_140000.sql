-- Sessions waiting on a lock, and the sessions they wait for, in one round trip.
-- pg_blocking_pids() takes every lock-manager partition lock, so it runs only for sessions whose
-- wait_event_type is 'Lock' (materialized: one call per waiter).
-- pg_stat_activity is built once per call: materialize it, and read it once.
-- regclass names only tables of this connection's database and shared catalogs (database 0): a table of
-- another database comes back as its oid and database, and Vigil names it from that database.
WITH cur AS MATERIALIZED (
    SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()
), a AS MATERIALIZED (
    SELECT s.pid, s.usename, s.datname, s.application_name, s.state, s.wait_event_type, s.wait_event,
           s.xact_start, s.query_start, pg_catalog.left(s.query, 1000) AS query
    FROM pg_catalog.pg_stat_activity s
), waiting AS MATERIALIZED (
    SELECT a.pid, pg_catalog.pg_blocking_pids(a.pid) AS blocked_by
    FROM a
    WHERE a.wait_event_type = 'Lock'
), strong AS MATERIALIZED (
    -- What blockers hold that a migration takes (granted SHARE and stronger table locks), in any database: read
    -- only when someone waits, in one pg_locks snapshot (the EXISTS is a one-time filter: no snapshot otherwise).
    SELECT l.pid,
           pg_catalog.array_agg(l.mode ORDER BY l.database, l.relation) AS modes,
           pg_catalog.array_agg(COALESCE(d.datname::text, '') ORDER BY l.database, l.relation) AS databases,
           pg_catalog.array_agg(l.relation::bigint ORDER BY l.database, l.relation) AS oids,
           pg_catalog.array_agg(CASE WHEN l.database = 0 OR l.database = (SELECT cur.oid FROM cur)
                                     THEN l.relation::regclass::text END ORDER BY l.database, l.relation) AS names
    FROM pg_catalog.pg_locks l
    LEFT JOIN pg_catalog.pg_database d ON d.oid = l.database
    WHERE EXISTS (SELECT 1 FROM waiting)
      AND l.granted AND l.locktype = 'relation'
      AND l.mode IN ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')
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
       st.modes AS strong_modes,
       st.databases AS strong_databases,
       st.oids AS strong_oids,
       st.names AS strong_names,
       l.locktype,
       l.mode,
       COALESCE(l.relation, t.relation)::bigint AS relation_oid,
       COALESCE(rd.datname::text, '') AS relation_database,
       CASE WHEN COALESCE(l.relation, t.relation) IS NOT NULL
             AND (COALESCE(l.database, t.database) = 0 OR COALESCE(l.database, t.database) = (SELECT cur.oid FROM cur))
            THEN COALESCE(l.relation, t.relation)::regclass::text
       END AS relation,
       -- What identifies a lock that is not a whole table's: the transaction a row-lock waiter waits to end, a
       -- virtual xid (CREATE INDEX CONCURRENTLY waits on those), an advisory key as the application passed it.
       CASE l.locktype
           WHEN 'transactionid' THEN l.transactionid::text
           WHEN 'spectoken' THEN l.transactionid::text
           WHEN 'virtualxid' THEN l.virtualxid
           WHEN 'tuple' THEN l.page || ',' || l.tuple
           WHEN 'page' THEN l.page::text
           WHEN 'advisory' THEN CASE WHEN l.objsubid = 1
                                     THEN ((l.classid::bigint << 32) | l.objid::bigint)::text
                                     ELSE l.classid || ',' || l.objid END
           WHEN 'object' THEN CASE WHEN l.database = 0 OR l.database = (SELECT cur.oid FROM cur)
                                   THEN pg_catalog.pg_describe_object(l.classid, l.objid, l.objsubid)
                                   ELSE l.classid || '/' || l.objid || ' in database ' || COALESCE(rd.datname::text, '?') END
           WHEN 'applytransaction' THEN l.transactionid::text
       END AS lock_object,
       l.waitstart AS waitstart
FROM a
LEFT JOIN waiting w ON w.pid = a.pid
LEFT JOIN strong st ON st.pid = a.pid
LEFT JOIN LATERAL (
    SELECT l.locktype, l.mode, l.relation, l.database, l.page, l.tuple, l.transactionid, l.virtualxid, l.classid,
           l.objid, l.objsubid, l.waitstart
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
LEFT JOIN pg_catalog.pg_database rd ON rd.oid = COALESCE(l.database, t.database)
WHERE w.pid IS NOT NULL
   OR a.pid IN (SELECT pg_catalog.unnest(blocked_by) FROM waiting)
