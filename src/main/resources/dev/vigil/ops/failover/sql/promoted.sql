-- Whether a node being promoted has left recovery, and once it has, its timeline (from the WAL file it writes).
-- The promotion check asks this every few milliseconds, so it reads nothing else (not the whole node_state).
SELECT pg_catalog.pg_is_in_recovery() AS in_recovery,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL
            ELSE ('x' || pg_catalog.substr(pg_catalog.pg_walfile_name(pg_catalog.pg_current_wal_lsn()), 1, 8))::bit(32)::int
       END AS timeline
