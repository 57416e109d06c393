-- What the watch sees of one backend ($1, $2, $3: its pid). 'blocked': sessions waiting on a lock that it holds
-- or is queued ahead for. pg_blocking_pids is costly, so it is asked only of sessions that wait on a lock now,
-- once each (materialized), and of the backend itself only when it waits. 'blocker': who it waits for itself.
WITH me AS MATERIALIZED (
    SELECT pg_catalog.pg_blocking_pids(a.pid) AS blockers
    FROM pg_catalog.pg_stat_activity a
    WHERE a.pid = ? AND a.wait_event_type = 'Lock'
), waiting AS MATERIALIZED (
    SELECT a.pid, a.usename, a.application_name, a.state, a.query_start AS since, a.query,
           pg_catalog.pg_blocking_pids(a.pid) AS blocked_by
    FROM pg_catalog.pg_stat_activity a
    WHERE a.wait_event_type = 'Lock' AND a.pid <> ?
)
SELECT 'blocked' AS relation, w.pid, w.usename, w.application_name, w.state, w.since, w.query
FROM waiting w
WHERE ? = ANY (w.blocked_by)
UNION ALL
SELECT 'blocker', b.pid, b.usename, b.application_name, b.state,
       CASE WHEN b.state = 'active' THEN b.query_start ELSE b.state_change END, b.query
FROM pg_catalog.pg_stat_activity b, me
WHERE b.pid = ANY (me.blockers)
