SELECT pg_catalog.pg_start_backup(?, true, false)
