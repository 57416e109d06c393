-- Checkpoints since the statistics were reset: timed against requested (WAL filled max_wal_size first), their
-- write and sync time, and who wrote buffers: the checkpointer, the background writer or the backends.
SELECT pg_catalog.now() AS server_now,
       b.checkpoints_timed AS timed,
       b.checkpoints_req AS requested,
       b.checkpoint_write_time AS write_ms,
       b.checkpoint_sync_time AS sync_ms,
       b.buffers_checkpoint AS buffers_checkpointer,
       b.buffers_clean AS buffers_bgwriter,
       b.buffers_backend AS buffers_backend,
       b.stats_reset,
       (SELECT s.setting::bigint FROM pg_catalog.pg_settings s WHERE s.name = 'max_wal_size') AS max_wal_size_mb,
       (SELECT s.setting::bigint FROM pg_catalog.pg_settings s WHERE s.name = 'checkpoint_timeout') AS checkpoint_timeout_s
FROM pg_catalog.pg_stat_bgwriter b
