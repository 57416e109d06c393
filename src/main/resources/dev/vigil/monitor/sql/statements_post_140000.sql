-- 14 added toplevel to the key. Counters only: pg_stat_statements(false) does not read the query-text file, which the full view reads on
-- every call. The schema is the extension's, quoted by the caller.
SELECT pg_catalog.now() AS server_now,
       s.userid::bigint AS userid,
       s.dbid::bigint AS dbid,
       s.queryid,
       s.toplevel,
       s.calls,
       s.total_exec_time,
       s.rows,
       s.shared_blks_hit,
       s.shared_blks_read,
       s.temp_blks_read + s.temp_blks_written AS temp_blks,
       s.wal_bytes::bigint AS wal_bytes
FROM %s.pg_stat_statements(false) s
WHERE s.queryid IS NOT NULL
