-- The ANALYZE of a confirmed writing statement; on a standby this fails at once, before the statement is sent.
BEGIN READ WRITE
