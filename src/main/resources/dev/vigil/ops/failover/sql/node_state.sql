-- Before 14 (no pg_get_wal_replay_pause_state()): one node as switchover and failover see it: role, WAL positions, replay pause, receiver, and the settings the
-- prechecks judge. A standby's timeline is the newest of what its receiver, its last restartpoint and the
-- timeline history files it holds say: with its primary down the receiver says nothing, and restartpoints lag. Read through the monitoring login (pg_monitor reads every setting and WAL function used).
SELECT pg_catalog.current_setting('server_version') AS version,
       pg_catalog.current_setting('server_version_num')::int AS version_num,
       pg_catalog.pg_is_in_recovery() AS in_recovery,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL ELSE pg_catalog.pg_current_wal_lsn()::text END AS current_lsn,
       pg_catalog.pg_last_wal_receive_lsn()::text AS receive_lsn,
       pg_catalog.pg_last_wal_replay_lsn()::text AS replay_lsn,
       CASE WHEN pg_catalog.pg_is_in_recovery() AND pg_catalog.pg_is_wal_replay_paused() THEN 'paused'
            ELSE 'not paused' END AS pause_state,
       EXTRACT(epoch FROM pg_catalog.now() - pg_catalog.pg_last_xact_replay_timestamp())::float8 AS replay_age_s,
       CASE WHEN pg_catalog.pg_is_in_recovery()
            THEN GREATEST(r.received_tli, (SELECT c.timeline_id FROM pg_catalog.pg_control_checkpoint() c),
                          (SELECT pg_catalog.max(('x' || pg_catalog.substr(w.name, 1, 8))::bit(32)::int)
                             FROM pg_catalog.pg_ls_waldir() w WHERE w.name ~ '^[0-9A-F]{8}[.]history$'))
            ELSE ('x' || pg_catalog.substr(pg_catalog.pg_walfile_name(pg_catalog.pg_current_wal_lsn()), 1, 8))::bit(32)::int
       END AS timeline,
       r.status AS receiver_status,
       r.sender_host,
       r.sender_port,
       pg_catalog.current_setting('primary_conninfo') AS primary_conninfo,
       pg_catalog.current_setting('hot_standby') AS hot_standby,
       pg_catalog.current_setting('max_wal_senders')::int AS max_wal_senders,
       pg_catalog.current_setting('max_replication_slots')::int AS max_replication_slots,
       pg_catalog.current_setting('synchronous_standby_names') AS synchronous_standby_names,
       pg_catalog.current_setting('cluster_name') AS cluster_name,
       pg_catalog.current_setting('data_checksums') AS data_checksums,
       pg_catalog.current_setting('wal_log_hints') AS wal_log_hints,
       pg_catalog.current_setting('primary_slot_name') AS primary_slot_name
FROM (SELECT 1) AS one
LEFT JOIN pg_catalog.pg_stat_wal_receiver r ON true
