-- B-tree indexes of the monitored database whose key columns (with their operator classes, collations and
-- orderings) are a leading part of another valid index on the same table: the other serves every query this one
-- serves. Unique, constraint-backing, partial, expression and INCLUDE indexes are never called redundant; of two
-- identical ones the newer (higher oid) is.
SELECT n.nspname::text AS schema_name, t.relname::text AS table_name, ci.relname::text AS index_name,
       cc.relname::text AS covered_by, pg_catalog.pg_relation_size(i.indexrelid) AS index_bytes,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS index_def, pg_catalog.pg_get_indexdef(c.indexrelid) AS covering_def
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_index c ON c.indrelid = i.indrelid AND c.indexrelid <> i.indexrelid
JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid
JOIN pg_catalog.pg_class cc ON cc.oid = c.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am a ON a.oid = ci.relam
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
  AND a.amname = 'btree' AND cc.relam = ci.relam
  AND i.indisvalid AND c.indisvalid AND NOT i.indisunique AND NOT i.indisprimary
  AND i.indpred IS NULL AND c.indpred IS NULL AND i.indexprs IS NULL AND c.indexprs IS NULL
  AND i.indnatts = i.indnkeyatts AND i.indnkeyatts <= c.indnkeyatts
  AND (c.indkey::int2[])[0:i.indnkeyatts - 1] = (i.indkey::int2[])[0:i.indnkeyatts - 1]
  AND (c.indclass::oid[])[0:i.indnkeyatts - 1] = (i.indclass::oid[])[0:i.indnkeyatts - 1]
  AND (c.indcollation::oid[])[0:i.indnkeyatts - 1] = (i.indcollation::oid[])[0:i.indnkeyatts - 1]
  AND (c.indoption::int2[])[0:i.indnkeyatts - 1] = (i.indoption::int2[])[0:i.indnkeyatts - 1]
  AND (i.indnkeyatts < c.indnkeyatts OR i.indexrelid > c.indexrelid)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid)
ORDER BY index_bytes DESC
LIMIT 50
