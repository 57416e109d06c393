-- Texts for queryids not seen before. This reads the query-text file once, so it runs only when new ones appear.
SELECT DISTINCT ON (s.queryid) s.queryid, pg_catalog.left(s.query, 4000) AS query
FROM %s.pg_stat_statements(true) s
WHERE s.queryid = ANY (?)
