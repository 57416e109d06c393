-- Cancels the running query of the backend only while it is still the one the operator confirmed (same pid,
-- same backend_start), so a pid reused by a new session in the meantime is left alone. No row: that backend
-- has ended. state and query_start are what the backend was doing as the signal went out.
SELECT pg_catalog.pg_cancel_backend(a.pid) AS signalled,
       a.state,
       a.query_start
FROM pg_catalog.pg_stat_activity a
WHERE a.pid = ? AND a.backend_start = ?
