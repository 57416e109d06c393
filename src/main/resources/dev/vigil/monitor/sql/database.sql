-- Cumulative counters over all databases (the shared row, datid 0, included); rates are deltas over a window.
-- own_pid and own_lxid say how many transactions this very session has run: the local part of its virtual
-- transaction id grows by one per transaction, whoever started it (our queries, the pool's validation, the
-- driver), so Vigil can subtract exactly its own from xact_commit.
SELECT pg_catalog.now() AS server_now,
       COALESCE(sum(d.xact_commit), 0)::bigint AS xact_commit,
       COALESCE(sum(d.xact_rollback), 0)::bigint AS xact_rollback,
       COALESCE(sum(d.tup_returned), 0)::bigint AS tup_returned,
       COALESCE(sum(d.tup_fetched), 0)::bigint AS tup_fetched,
       COALESCE(sum(d.tup_inserted), 0)::bigint AS tup_inserted,
       COALESCE(sum(d.tup_updated), 0)::bigint AS tup_updated,
       COALESCE(sum(d.tup_deleted), 0)::bigint AS tup_deleted,
       COALESCE(sum(d.blks_hit), 0)::bigint AS blks_hit,
       COALESCE(sum(d.blks_read), 0)::bigint AS blks_read,
       COALESCE(sum(d.temp_bytes), 0)::bigint AS temp_bytes,
       COALESCE(sum(d.deadlocks), 0)::bigint AS deadlocks,
       COALESCE(sum(d.conflicts), 0)::bigint AS conflicts,
       max(d.stats_reset) AS stats_reset,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity a WHERE a.backend_type = 'client backend')::int AS connections,
       pg_catalog.current_setting('max_connections')::int AS max_connections,
       pg_catalog.pg_backend_pid() AS own_pid,
       (SELECT pg_catalog.split_part(l.virtualxid, '/', 2)::bigint
        FROM pg_catalog.pg_locks l
        WHERE l.locktype = 'virtualxid' AND l.pid = pg_catalog.pg_backend_pid() AND l.granted
          AND l.mode = 'ExclusiveLock'
        LIMIT 1) AS own_lxid
FROM pg_catalog.pg_stat_database d
