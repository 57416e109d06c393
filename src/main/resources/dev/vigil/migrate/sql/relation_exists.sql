-- $1: a quoted relation name, qualified or resolved through the search_path.
SELECT pg_catalog.to_regclass(?) IS NOT NULL AS present
