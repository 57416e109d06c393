-- 14 added pg_stat_statements_info: when the whole set was last reset, and how many entries were evicted.
SELECT i.stats_reset, i.dealloc FROM %s.pg_stat_statements_info i
