-- Where WAL stands, for a rate between two reads: the insert position on a primary, the replayed one on a
-- standby; and pg_stat_wal's records, full-page images and bytes.
SELECT pg_catalog.now() AS server_now,
       pg_catalog.pg_is_in_recovery() AS in_recovery,
       (CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_replay_lsn()
             ELSE pg_catalog.pg_current_wal_insert_lsn() END)::text AS position,
       w.wal_records, w.wal_fpi, w.wal_bytes::bigint AS wal_bytes, w.stats_reset
FROM pg_catalog.pg_stat_wal w
