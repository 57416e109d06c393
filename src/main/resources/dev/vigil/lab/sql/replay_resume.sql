SELECT pg_catalog.pg_wal_replay_resume()
