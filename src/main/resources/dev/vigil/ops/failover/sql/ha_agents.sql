-- Signs that an HA agent manages this server: Patroni's own sessions and its renamed base configuration,
-- repmgr's library or daemon, pg_auto_failover's library. Vigil must never promote behind such an agent's back.
SELECT (SELECT pg_catalog.string_agg(DISTINCT a.application_name, ', ')
          FROM pg_catalog.pg_stat_activity a
         WHERE a.application_name ILIKE 'patroni%') AS patroni_sessions,
       (SELECT pg_catalog.string_agg(DISTINCT s.sourcefile, ', ')
          FROM pg_catalog.pg_settings s
         WHERE s.sourcefile LIKE '%postgresql.base.conf') AS patroni_config,
       (SELECT pg_catalog.string_agg(DISTINCT a.application_name, ', ')
          FROM pg_catalog.pg_stat_activity a
         WHERE a.application_name ILIKE 'repmgr%') AS repmgr_sessions,
       pg_catalog.current_setting('shared_preload_libraries') AS preload_libraries
