-- Slots hold WAL back: how much, and whether the server still guarantees it (wal_status, safe_wal_size).
SELECT s.slot_name::text AS slot_name,
       s.slot_type,
       s.active,
       s.restart_lsn::text AS restart_lsn,
       pg_catalog.pg_wal_lsn_diff(
           CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_receive_lsn()
                ELSE pg_catalog.pg_current_wal_lsn() END,
           s.restart_lsn)::bigint AS retained_bytes,
       s.wal_status,
       s.safe_wal_size
FROM pg_catalog.pg_replication_slots s
ORDER BY s.slot_name
