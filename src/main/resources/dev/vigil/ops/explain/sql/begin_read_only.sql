-- Plain EXPLAIN and the ANALYZE of a read-only statement: the server itself refuses a write the classifier missed.
BEGIN READ ONLY
