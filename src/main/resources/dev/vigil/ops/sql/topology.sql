-- Who a node is now, as a workflow reads it before planning: role, upstream (from the WAL receiver), timeline.
SELECT pg_catalog.current_setting('server_version') AS version,
       pg_catalog.pg_is_in_recovery() AS in_recovery,
       r.sender_host AS upstream_host,
       r.sender_port AS upstream_port,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN r.received_tli
            ELSE ('x' || pg_catalog.substr(pg_catalog.pg_walfile_name(pg_catalog.pg_current_wal_lsn()), 1, 8))::bit(32)::int
       END AS timeline
FROM (SELECT 1) AS one
LEFT JOIN pg_catalog.pg_stat_wal_receiver r ON true
