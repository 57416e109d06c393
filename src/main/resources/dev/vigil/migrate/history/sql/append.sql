-- One row in Flyway's format: the next installed_rank, the login as installed_by, the transaction's start as
-- installed_on (the column's default, as Flyway leaves it).
INSERT INTO {history} (installed_rank, version, description, type, script, checksum, installed_by,
                       execution_time, success)
SELECT coalesce(max(h.installed_rank), 0) + 1, ?, ?, ?, ?, ?, current_user, ?, ?
FROM {history} h
RETURNING installed_rank
