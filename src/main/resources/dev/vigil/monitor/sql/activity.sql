-- Every backend but our own. Query text is cut on the server, so a megabyte of SQL never crosses the wire.
SELECT pg_catalog.now() AS server_now,
       a.pid,
       a.usename::text AS usename,
       a.datname::text AS datname,
       a.application_name,
       pg_catalog.host(a.client_addr) AS client_addr,
       a.backend_type,
       a.state,
       a.wait_event_type,
       a.wait_event,
       a.backend_start,
       a.xact_start,
       a.query_start,
       a.state_change,
       pg_catalog.age(a.backend_xmin) AS backend_xmin_age,
       pg_catalog.left(a.query, 300) AS query
FROM pg_catalog.pg_stat_activity a
WHERE a.pid <> pg_catalog.pg_backend_pid()
