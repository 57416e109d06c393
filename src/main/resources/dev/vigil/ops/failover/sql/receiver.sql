-- Whom a standby streams from now.
SELECT pg_catalog.pg_is_in_recovery() AS in_recovery,
       r.status,
       r.sender_host,
       r.sender_port,
       r.received_tli
FROM (SELECT 1) AS one
LEFT JOIN pg_catalog.pg_stat_wal_receiver r ON true
