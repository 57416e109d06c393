-- The targeted backends as they are now, read with the monitoring login: enough to tell the backend the
-- operator saw (same pid, same backend_start) from a new one that reuses its pid, and whether a query runs.
SELECT a.pid,
       a.backend_start,
       a.usename::text AS usename,
       a.application_name,
       a.backend_type,
       a.state,
       a.query_start,
       a.wait_event_type,
       a.wait_event,
       pg_catalog.left(a.query, 300) AS query
FROM pg_catalog.pg_stat_activity a
WHERE a.pid = ANY (?)
