-- How far a standby has received and replayed, polled while it catches up.
SELECT pg_catalog.pg_is_in_recovery() AS in_recovery,
       pg_catalog.pg_last_wal_receive_lsn()::text AS receive_lsn,
       pg_catalog.pg_last_wal_replay_lsn()::text AS replay_lsn
