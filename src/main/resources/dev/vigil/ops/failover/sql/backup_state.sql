-- Backups running on a server before 15: an exclusive one (pg_is_in_backup) or streamed base backups.
SELECT pg_catalog.pg_is_in_backup() AS exclusive_backup,
       (SELECT pg_catalog.count(*) FROM pg_catalog.pg_stat_progress_basebackup)::int AS base_backups
