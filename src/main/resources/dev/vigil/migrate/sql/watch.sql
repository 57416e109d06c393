-- What the watch sees of one backend ($1, $2, $3: its pid). 'blocked': sessions waiting on a lock that it holds
-- or is queued ahead for. pg_blocking_pids is costly, so it is asked only of sessions that wait on a lock now
-- (OFFSET 0 keeps the planner from calling it before that filter). 'blocker': who it waits for itself.
SELECT 'blocked' AS relation, w.pid, w.usename, w.application_name, w.state, w.since, w.query
FROM (SELECT a.pid, a.usename, a.application_name, a.state, a.query_start AS since, a.query
      FROM pg_catalog.pg_stat_activity a
      WHERE a.wait_event_type = 'Lock' AND a.pid <> ?
      OFFSET 0) w
WHERE ? = ANY (pg_catalog.pg_blocking_pids(w.pid))
UNION ALL
SELECT 'blocker', b.pid, b.usename, b.application_name, b.state,
       CASE WHEN b.state = 'active' THEN b.query_start ELSE b.state_change END, b.query
FROM pg_catalog.pg_stat_activity b
WHERE b.pid = ANY (pg_catalog.pg_blocking_pids(?))
