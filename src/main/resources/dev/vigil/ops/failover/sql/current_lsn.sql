-- The primary's WAL insert position: the last LSN Vigil saw it write.
SELECT pg_catalog.pg_current_wal_lsn()::text AS current_lsn
