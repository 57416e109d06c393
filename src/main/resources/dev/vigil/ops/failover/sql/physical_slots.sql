-- Physical replication slots: a switchover does not carry them to the new primary.
SELECT slot_name, active
FROM pg_catalog.pg_replication_slots
WHERE slot_type = 'physical'
ORDER BY slot_name
