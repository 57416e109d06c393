SELECT r.application_name, r.state, r.sync_state, r.replay_lsn::text AS replay_lsn
FROM pg_catalog.pg_stat_replication r
ORDER BY r.application_name
