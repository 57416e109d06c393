-- ALTER SYSTEM takes no bind parameters: the conninfo is dollar-quoted into %s by SetConninfo.
ALTER SYSTEM SET primary_conninfo = %s
