-- Sequences of the monitored database and how much of their range is used. last_value is readable only with
-- SELECT or USAGE on the sequence (pg_monitor does not give it), so readable says which could be read. Read by
-- oid, as pg_sequences does, so that a schema the role may not use is no error.
-- One row even when there is none (sequence_name NULL), so the database always comes back.
SELECT db.database, db.monitor_role, x.schema_name, x.sequence_name, x.data_type, x.min_value, x.max_value,
       x.increment_by, x.cycle, x.last_value, x.readable
FROM (SELECT pg_catalog.current_database()::text AS database, CURRENT_USER::text AS monitor_role) db
LEFT JOIN LATERAL (
    SELECT n.nspname::text AS schema_name, c.relname::text AS sequence_name,
           pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
           s.seqmin AS min_value, s.seqmax AS max_value, s.seqincrement AS increment_by, s.seqcycle AS cycle,
           CASE WHEN pg_catalog.has_sequence_privilege(c.oid, 'SELECT,USAGE')
                THEN pg_catalog.pg_sequence_last_value(c.oid) END AS last_value,
           pg_catalog.has_sequence_privilege(c.oid, 'SELECT,USAGE') AS readable
    FROM pg_catalog.pg_sequence s
    JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT pg_catalog.pg_is_other_temp_schema(n.oid)
    ORDER BY n.nspname, c.relname
    LIMIT 1000
) x ON true
