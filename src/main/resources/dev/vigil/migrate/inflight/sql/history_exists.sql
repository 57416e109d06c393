-- Whether the migration tool's history table exists (its name, schema-qualified, as $1).
SELECT pg_catalog.to_regclass(?) IS NOT NULL AS present
