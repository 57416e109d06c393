-- The newest row of a Flyway-style history table, named by %1$s (quoted by the code): rows may only be absent
-- or marked failed after a stopped migration.
SELECT pg_catalog.count(*)::int AS rows,
       pg_catalog.max(h.installed_rank) AS newest_rank,
       (SELECT n.success FROM %1$s n ORDER BY n.installed_rank DESC LIMIT 1) AS newest_success,
       (SELECT n.version FROM %1$s n ORDER BY n.installed_rank DESC LIMIT 1) AS newest_version
FROM %1$s h
