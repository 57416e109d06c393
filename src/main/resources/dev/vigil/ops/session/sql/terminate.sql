-- Ends the backend only while it is still the one the operator confirmed (same pid, same backend_start), so
-- a pid reused by a new session in the meantime is left alone. No row: that backend has ended already.
SELECT pg_catalog.pg_terminate_backend(a.pid) AS signalled,
       a.state,
       a.query_start
FROM pg_catalog.pg_stat_activity a
WHERE a.pid = ? AND a.backend_start = ?
