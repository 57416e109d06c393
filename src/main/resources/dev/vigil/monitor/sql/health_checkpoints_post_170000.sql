-- Checkpoints since the statistics were reset (17 moved them to pg_stat_checkpointer, and backends' writes to
-- pg_stat_io): timed against requested, write and sync time, buffers written by each kind of writer.
SELECT pg_catalog.now() AS server_now,
       c.num_timed AS timed,
       c.num_requested AS requested,
       c.write_time AS write_ms,
       c.sync_time AS sync_ms,
       c.buffers_written AS buffers_checkpointer,
       b.buffers_clean AS buffers_bgwriter,
       (SELECT COALESCE(sum(i.writes), 0)::bigint FROM pg_catalog.pg_stat_io i
        WHERE i.object = 'relation'
          AND i.backend_type NOT IN ('checkpointer', 'background writer')) AS buffers_backend,
       c.stats_reset,
       (SELECT s.setting::bigint FROM pg_catalog.pg_settings s WHERE s.name = 'max_wal_size') AS max_wal_size_mb,
       (SELECT s.setting::bigint FROM pg_catalog.pg_settings s WHERE s.name = 'checkpoint_timeout') AS checkpoint_timeout_s
FROM pg_catalog.pg_stat_checkpointer c, pg_catalog.pg_stat_bgwriter b
