-- The standbys a primary (or cascading standby) sends WAL to, with how far each has got.
SELECT s.application_name,
       s.state,
       s.sync_state,
       s.replay_lsn::text AS replay_lsn,
       pg_catalog.pg_wal_lsn_diff(
           CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_receive_lsn()
                ELSE pg_catalog.pg_current_wal_lsn() END, s.replay_lsn)::float8 AS replay_lag_bytes,
       EXTRACT(epoch FROM s.replay_lag)::float8 AS replay_lag_s
FROM pg_catalog.pg_stat_replication s
ORDER BY s.application_name
