-- Cancels the migration's statement only while the backend is still the one confirmed (same pid and
-- backend_start); its transaction is rolled back, DDL included.
SELECT pg_catalog.pg_cancel_backend(a.pid) AS signalled, a.state
FROM pg_catalog.pg_stat_activity a
WHERE a.pid = ? AND a.backend_start = ?
