SELECT pg_catalog.pg_backup_start(?, true)
