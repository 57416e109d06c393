-- Whether the history table exists; $1 is its quoted, qualified name.
SELECT pg_catalog.to_regclass(?) IS NOT NULL AS present
