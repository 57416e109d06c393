-- Backups running on a server of 15 or later: exclusive backups no longer exist; streamed base backups may.
SELECT false AS exclusive_backup,
       (SELECT pg_catalog.count(*) FROM pg_catalog.pg_stat_progress_basebackup)::int AS base_backups
