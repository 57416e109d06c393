-- A table's shape, to tell whether a stopped migration left it as it was: its columns with their types, and
-- how many indexes and constraints it has. No row when the name does not resolve (a table the migration was
-- creating, rolled back with it).
SELECT c.oid::regclass::text AS relation,
       (SELECT pg_catalog.string_agg(a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), ', '
                                     ORDER BY a.attnum)
          FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
       (SELECT pg_catalog.count(*) FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid)::int AS indexes,
       (SELECT pg_catalog.count(*) FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid)::int AS constraints
FROM pg_catalog.pg_class c
WHERE c.oid = pg_catalog.to_regclass(?)
