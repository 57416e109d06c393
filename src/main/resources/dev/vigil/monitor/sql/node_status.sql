SELECT pg_catalog.current_setting('server_version') AS version,
       pg_catalog.current_setting('server_version_num')::int AS version_num,
       pg_catalog.pg_is_in_recovery() AS in_recovery,
       r.sender_host || ':' || r.sender_port AS upstream,
       r.status AS receiver_state,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN r.received_tli
            ELSE ('x' || pg_catalog.substr(pg_catalog.pg_walfile_name(pg_catalog.pg_current_wal_lsn()), 1, 8))::bit(32)::int
       END AS timeline,
       CASE WHEN pg_catalog.pg_is_in_recovery()
            THEN pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_last_wal_receive_lsn(), pg_catalog.pg_last_wal_replay_lsn())::bigint
       END AS replay_backlog_bytes,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL
            ELSE pg_catalog.pg_current_wal_lsn()::text
       END AS wal_lsn,
       pg_catalog.pg_postmaster_start_time() AS started_at
FROM (SELECT 1) AS one
LEFT JOIN pg_catalog.pg_stat_wal_receiver r ON true
