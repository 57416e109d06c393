-- The physical slot a standby names in primary_slot_name ($1, twice), on the node it is about to stream from,
-- reserving WAL from now so nothing it needs is recycled before it connects; nothing when it exists already.
SELECT pg_catalog.pg_create_physical_replication_slot(?, true)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_replication_slots s WHERE s.slot_name = ?)
