-- Sessions waiting on a lock held (or requested ahead of them) by a session of application $1.
-- pg_blocking_pids runs once per waiting session (materialized), never per pair.
WITH waiting AS MATERIALIZED (
    SELECT a.pid, pg_catalog.pg_blocking_pids(a.pid) AS blocked_by
    FROM pg_catalog.pg_stat_activity a
    WHERE a.wait_event_type = 'Lock'
)
SELECT count(*) AS n
FROM waiting w
WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity b
              WHERE b.pid = ANY (w.blocked_by) AND b.application_name = ?)
