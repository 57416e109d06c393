SELECT labelfile, spcmapfile FROM pg_catalog.pg_backup_stop(false)
