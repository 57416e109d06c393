-- This node as a standby. Replay delay is 0 when everything received has been replayed: an idle primary sends
-- nothing, so the last replayed commit grows old without any lag (the false lag repmgr and PgHero avoid too).
SELECT pg_catalog.now() AS server_now,
       pg_catalog.pg_is_in_recovery() AS in_recovery,
       r.status,
       r.sender_host,
       r.sender_port,
       r.received_tli,
       r.last_msg_receipt_time,
       pg_catalog.pg_last_wal_receive_lsn()::text AS receive_lsn,
       pg_catalog.pg_last_wal_replay_lsn()::text AS replay_lsn,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_last_wal_receive_lsn(), pg_catalog.pg_last_wal_replay_lsn())::bigint
           AS replay_backlog_bytes,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_is_wal_replay_paused() END AS replay_paused,
       pg_catalog.pg_last_xact_replay_timestamp() AS last_replayed_commit,
       CASE WHEN NOT pg_catalog.pg_is_in_recovery() THEN NULL
            WHEN pg_catalog.pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_catalog.pg_last_wal_replay_lsn() THEN 0
            ELSE EXTRACT(EPOCH FROM pg_catalog.now() - pg_catalog.pg_last_xact_replay_timestamp())::float8
       END AS replay_delay_seconds
FROM (SELECT 1) AS one
LEFT JOIN pg_catalog.pg_stat_wal_receiver r ON true
