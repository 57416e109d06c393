-- Every lock one backend holds or waits for, granted last so the awaited one comes first. A relation is named
-- when it lives in this connection's database; elsewhere regclass cannot name it, so the database is said.
SELECT l.locktype,
       l.mode,
       l.granted,
       CASE WHEN l.relation IS NULL THEN NULL
            WHEN d.datname = pg_catalog.current_database() THEN l.relation::pg_catalog.regclass::text
            ELSE 'relation ' || l.relation::text || ' in database ' || COALESCE(d.datname, l.database::text)
       END AS relation,
       l.transactionid::text AS transactionid,
       l.virtualxid,
       l.page,
       l.tuple
FROM pg_catalog.pg_locks l
LEFT JOIN pg_catalog.pg_database d ON d.oid = l.database
WHERE l.pid = ?
ORDER BY l.granted, l.locktype, l.mode
