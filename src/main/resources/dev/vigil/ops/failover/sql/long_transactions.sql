-- Transactions open longer than the threshold ($1 seconds) on the primary: a switchover ends them.
SELECT a.pid,
       a.usename,
       a.application_name,
       a.state,
       EXTRACT(epoch FROM pg_catalog.now() - a.xact_start)::float8 AS xact_age_s,
       pg_catalog.left(a.query, 120) AS query
FROM pg_catalog.pg_stat_activity a
WHERE a.xact_start < pg_catalog.now() - pg_catalog.make_interval(secs => ?)
  AND a.backend_type = 'client backend'
  AND a.pid <> pg_catalog.pg_backend_pid()
ORDER BY a.xact_start
LIMIT 20
