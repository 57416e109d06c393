-- Flyway's history, oldest first. {history} is the quoted, qualified table name.
SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on,
       execution_time, success
FROM {history}
ORDER BY installed_rank
