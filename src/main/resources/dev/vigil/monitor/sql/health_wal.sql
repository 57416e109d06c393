-- Where WAL stands, for a rate between two reads: the insert position on a primary, the replayed one on a
-- standby. Before 14 there is no pg_stat_wal: no full-page image count.
SELECT pg_catalog.now() AS server_now,
       pg_catalog.pg_is_in_recovery() AS in_recovery,
       (CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_replay_lsn()
             ELSE pg_catalog.pg_current_wal_insert_lsn() END)::text AS position,
       NULL::bigint AS wal_records, NULL::bigint AS wal_fpi, NULL::bigint AS wal_bytes,
       NULL::timestamptz AS stats_reset
