-- A setting for this session: for statements that run outside a transaction block.
SELECT pg_catalog.set_config(?, ?, false)
