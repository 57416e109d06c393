-- Every table with the history table's name ($1) in this database, whatever its schema: Flyway keeps its history
-- in the first schema it manages, which need not be public, and the stop does not know the project's settings.
-- Temporary tables (other sessions' cannot be read) and tables the login may not read are left out.
SELECT n.nspname AS schema_name, c.relname AS table_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname = ? AND c.relkind IN ('r', 'p') AND c.relpersistence <> 't'
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
ORDER BY n.nspname
