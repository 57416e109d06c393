-- Ends recovery; waits up to $1 seconds and says whether it finished.
SELECT pg_catalog.pg_promote(true, ?)
