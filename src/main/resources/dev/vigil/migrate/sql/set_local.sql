-- A setting for the rest of this transaction only (SET LOCAL takes no bind parameters).
SELECT pg_catalog.set_config(?, ?, true)
