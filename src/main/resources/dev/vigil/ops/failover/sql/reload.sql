-- Re-reads the configuration files, so a new primary_conninfo takes effect (13+: no restart).
SELECT pg_catalog.pg_reload_conf()
