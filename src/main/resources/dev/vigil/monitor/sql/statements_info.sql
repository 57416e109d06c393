-- Before 14 there is no pg_stat_statements_info: a reset shows only as counters going back.
SELECT NULL::timestamptz AS stats_reset, NULL::bigint AS dealloc
