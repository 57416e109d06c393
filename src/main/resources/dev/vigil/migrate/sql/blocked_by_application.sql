-- Sessions waiting on a lock held (or requested ahead of them) by a session of application $1.
SELECT count(*) AS n
FROM (SELECT a.pid FROM pg_catalog.pg_stat_activity a WHERE a.wait_event_type = 'Lock' OFFSET 0) w
WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity b
              WHERE b.pid = ANY (pg_catalog.pg_blocking_pids(w.pid)) AND b.application_name = ?)
