SELECT pg_catalog.pg_is_in_recovery() AS in_recovery,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL
            ELSE pg_catalog.pg_current_wal_lsn()::text END AS current_lsn,
       pg_catalog.pg_last_wal_receive_lsn()::text AS receive_lsn,
       pg_catalog.pg_last_wal_replay_lsn()::text AS replay_lsn,
       CASE WHEN pg_catalog.pg_is_in_recovery()
            THEN (SELECT r.received_tli FROM pg_catalog.pg_stat_wal_receiver r)
            ELSE ('x' || pg_catalog.substr(pg_catalog.pg_walfile_name(pg_catalog.pg_current_wal_lsn()), 1, 8))::bit(32)::int
       END AS timeline,
       (SELECT r.sender_port FROM pg_catalog.pg_stat_wal_receiver r WHERE r.status = 'streaming') AS upstream_port
