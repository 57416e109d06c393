SELECT labelfile, spcmapfile FROM pg_catalog.pg_stop_backup(false, false)
