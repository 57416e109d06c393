package dev.vigil.monitor.lockwaits;

import dev.vigil.cluster.ConnectionFailure;
import dev.vigil.cluster.ConnectionFailures;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.monitor.MonitorSql;
import dev.vigil.monitor.OtherDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One node's names of tables in its other databases, for the lock graph. Bounded and cheap: a database is read
 * only for oids not yet named, with one short connection (the monitoring role's, named and time-limited like the
 * monitor's own); names expire so a renamed table shows its new name; a database that cannot be read is not
 * asked again for a while. Lock waits in another database are rare, so this costs nothing on a calm node.
 */
public final class RelationNameCache implements OtherDatabases {
    /** At most this many names per node, least recently used first out. */
    static final int MAX_NAMES = 2_000;
    /** A renamed or dropped table is shown right again after this long. */
    static final Duration NAME_TTL = Duration.ofMinutes(10);
    /** A database that refused (no CONNECT privilege, too many connections) is asked again after this long. */
    static final Duration FAILURE_TTL = Duration.ofSeconds(60);

    /** Reads the names of {@code oids} in {@code database}. */
    @FunctionalInterface
    interface Lookup {
        Map<Long, String> names(String database, Set<Long> oids) throws NameLookupException;
    }

    private record Key(String database, long oid) {}

    private record Name(String name, Instant until) {}

    private record Failure(String why, Instant until) {}

    private final Lookup lookup;
    private final Clock clock;
    private final Map<Key, Name> names = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Name> eldest) {
            return size() > MAX_NAMES;
        }
    };
    private final Map<String, Failure> failures = new HashMap<>();

    RelationNameCache(Lookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Names read from {@code endpoint}'s other databases, with the monitoring connection's settings. */
    public static RelationNameCache of(MonitorConnectionSettings settings, NodeEndpoint endpoint) {
        return new RelationNameCache((database, oids) -> read(settings, endpoint, database, oids), Clock.systemUTC());
    }

    @Override
    public synchronized Map<Long, String> relationNames(String database, Set<Long> oids) throws NameLookupException {
        Instant now = clock.instant();
        Failure failed = failures.get(database);
        if (failed != null && now.isBefore(failed.until())) {
            throw new NameLookupException(failed.why());
        }
        Set<Long> missing = oids.stream().filter(oid -> {
            Name n = names.get(new Key(database, oid));
            return n == null || !now.isBefore(n.until());
        }).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            Map<Long, String> read;
            try {
                read = lookup.names(database, missing);
            } catch (NameLookupException e) {
                failures.put(database, new Failure(e.getMessage(), now.plus(FAILURE_TTL)));
                throw e;
            }
            failures.remove(database);
            read.forEach((oid, name) -> names.put(new Key(database, oid), new Name(name, now.plus(NAME_TTL))));
        }
        Map<Long, String> known = new HashMap<>();
        for (long oid : oids) {
            Name n = names.get(new Key(database, oid));
            if (n != null) {
                known.put(oid, n.name());
            }
        }
        return known;
    }

    private static Map<Long, String> read(MonitorConnectionSettings settings, NodeEndpoint endpoint, String database,
                                          Set<Long> oids) throws NameLookupException {
        NodeEndpoint there = new NodeEndpoint(endpoint.name(), endpoint.host(), endpoint.port(), database,
                endpoint.user(), endpoint.password(), endpoint.passwordSource(), endpoint.ssl(),
                endpoint.jdbcProperties(), endpoint.passwordOrigin());
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(there), settings.connectionProperties(there));
             PreparedStatement st = c.prepareStatement(MonitorSql.RELATION_NAMES.sql(0))) {
            st.setArray(1, c.createArrayOf("bigint", oids.toArray(Long[]::new)));
            Map<Long, String> found = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong("oid"), rs.getString("name"));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new NameLookupException(why(e, there, settings));
        }
    }

    /** Short, for a label: "name not read: no CONNECT privilege on bench for vigil_monitor (grant it to see names)". */
    static String why(SQLException e, NodeEndpoint there, MonitorConnectionSettings settings) {
        if ("42501".equals(e.getSQLState())) {
            return "name not read: " + there.user() + " may not connect to " + there.database()
                    + " (GRANT CONNECT ON DATABASE " + dev.vigil.sql.Identifiers.quote(there.database()) + " TO "
                    + dev.vigil.sql.Identifiers.quote(there.user()) + " to see names)";
        }
        ConnectionFailure failure = ConnectionFailures.classify(e, there, settings.connectTimeout());
        return "name not read from " + there.database() + ": " + failure.cause();
    }
}
