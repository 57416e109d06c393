-- Standbys streaming from this node. Byte lag per stage is measured from this node's own WAL position
-- (on a cascading standby: what it has received). Lag times are NULL once a standby has caught up and nothing
-- new is written; the client reads that as zero when the byte lag is zero too.
WITH here AS (
    SELECT CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_receive_lsn()
                ELSE pg_catalog.pg_current_wal_lsn() END AS lsn
)
SELECT pg_catalog.now() AS server_now,
       r.pid,
       r.application_name,
       pg_catalog.host(r.client_addr) AS client_addr,
       r.state,
       r.sync_state,
       r.sent_lsn::text AS sent_lsn,
       r.write_lsn::text AS write_lsn,
       r.flush_lsn::text AS flush_lsn,
       r.replay_lsn::text AS replay_lsn,
       pg_catalog.pg_wal_lsn_diff(here.lsn, r.sent_lsn)::bigint AS sent_lag_bytes,
       pg_catalog.pg_wal_lsn_diff(here.lsn, r.write_lsn)::bigint AS write_lag_bytes,
       pg_catalog.pg_wal_lsn_diff(here.lsn, r.flush_lsn)::bigint AS flush_lag_bytes,
       pg_catalog.pg_wal_lsn_diff(here.lsn, r.replay_lsn)::bigint AS replay_lag_bytes,
       EXTRACT(EPOCH FROM r.write_lag)::float8 AS write_lag_seconds,
       EXTRACT(EPOCH FROM r.flush_lag)::float8 AS flush_lag_seconds,
       EXTRACT(EPOCH FROM r.replay_lag)::float8 AS replay_lag_seconds,
       r.reply_time
FROM pg_catalog.pg_stat_replication r, here
ORDER BY r.application_name
