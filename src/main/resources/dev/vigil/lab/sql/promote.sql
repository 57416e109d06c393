SELECT pg_catalog.pg_promote(true, ?)
