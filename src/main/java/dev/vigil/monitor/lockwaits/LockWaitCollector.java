package dev.vigil.monitor.lockwaits;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.MonitorSql;
import dev.vigil.monitor.OtherDatabases;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads lock waits: every session waiting on a lock with the pids blocking it, plus those blockers. Cheap when
 * nobody waits: {@code pg_blocking_pids()} runs only for sessions whose wait event type is {@code Lock}. Tables
 * of other databases come back as oids, and {@link #complete} names them through {@link OtherDatabases}.
 */
public final class LockWaitCollector extends BatchedCollector<LockSnapshot> {
    public LockWaitCollector() {
        super("locks", 1, MonitorSql.LOCK_WAITS);
    }

    @Override
    public LockSnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        List<LockSession> sessions = new ArrayList<>();
        Instant at = null;
        ResultSet rs = results.get(0);
        while (rs.next()) {
            at = rs.getTimestamp("server_now").toInstant();
            sessions.add(read(rs));
        }
        return new LockSnapshot(at == null ? Instant.now() : at, sessions);
    }

    /**
     * Names the tables of other databases, one lookup per database for every oid not yet named; a database that
     * cannot be read leaves its tables as {@code database.oid} with the reason.
     */
    @Override
    public LockSnapshot complete(LockSnapshot snapshot, OtherDatabases others) {
        Map<String, Set<Long>> unnamed = snapshot.sessions().stream()
                .flatMap(s -> tables(s).stream()).filter(t -> !t.isNamed() && !t.database().isEmpty())
                .collect(Collectors.groupingBy(RelationRef::database, Collectors.mapping(RelationRef::oid,
                        Collectors.toSet())));
        if (unnamed.isEmpty()) {
            return snapshot;
        }
        Map<String, Map<Long, String>> names = new HashMap<>();
        Map<String, String> failures = new HashMap<>();
        unnamed.forEach((database, oids) -> {
            try {
                names.put(database, others.relationNames(database, oids));
            } catch (OtherDatabases.NameLookupException e) {
                failures.put(database, e.getMessage());
            }
        });
        return new LockSnapshot(snapshot.at(), snapshot.sessions().stream().map(s -> s.withTables(t -> {
            if (t.isNamed() || t.database().isEmpty()) {
                return t;
            }
            String found = names.getOrDefault(t.database(), Map.of()).get(t.oid());
            if (found != null) {
                return t.withName(found);
            }
            return t.withReason(failures.getOrDefault(t.database(), "no such table in " + t.database() + " any more"));
        })).toList());
    }

    private static List<RelationRef> tables(LockSession s) {
        List<RelationRef> all = new ArrayList<>();
        s.waitingFor().flatMap(WaitingLock::table).ifPresent(all::add);
        s.strong().forEach(h -> all.add(h.relation()));
        return all;
    }

    private static LockSession read(ResultSet rs) throws SQLException {
        Optional<WaitingLock> waiting = Optional.empty();
        String mode = rs.getString("mode");
        if (mode != null) {
            long oid = rs.getLong("relation_oid");
            Optional<RelationRef> table = rs.wasNull() ? Optional.empty()
                    : Optional.of(table(rs.getString("relation_database"), oid, rs.getString("relation")));
            waiting = Optional.of(new WaitingLock(rs.getString("locktype"), mode, table,
                    Optional.ofNullable(rs.getString("lock_object")), instant(rs.getTimestamp("waitstart"))));
        }
        return new LockSession(rs.getInt("pid"), pids(rs.getArray("blocked_by")), nonNull(rs.getString("usename")),
                nonNull(rs.getString("datname")), nonNull(rs.getString("application_name")),
                nonNull(rs.getString("state")), nonNull(rs.getString("wait_event_type")),
                nonNull(rs.getString("wait_event")), instant(rs.getTimestamp("xact_start")),
                instant(rs.getTimestamp("query_start")), nonNull(rs.getString("query")), waiting, strong(rs));
    }

    private static RelationRef table(String database, long oid, String localName) {
        return localName != null ? RelationRef.named(database, oid, localName)
                : new RelationRef(database, oid, Optional.empty(), Optional.empty());
    }

    /** The parallel arrays of the {@code strong} CTE, one held lock per element. */
    private static List<HeldLock> strong(ResultSet rs) throws SQLException {
        List<String> modes = texts(rs.getArray("strong_modes"));
        List<String> databases = texts(rs.getArray("strong_databases"));
        Array oidArray = rs.getArray("strong_oids");
        Long[] oids = oidArray == null ? new Long[0] : (Long[]) oidArray.getArray();
        List<String> names = texts(rs.getArray("strong_names"));
        List<HeldLock> held = new ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            held.add(new HeldLock(modes.get(i), table(databases.get(i), oids[i], names.get(i))));
        }
        return held;
    }

    private static List<Integer> pids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return java.util.Arrays.stream((Integer[]) array.getArray()).toList();
    }

    /** Elements may be null (a table of another database has no local name). */
    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : java.util.Arrays.asList((String[]) array.getArray());
    }

    private static Optional<Instant> instant(Timestamp ts) {
        return Optional.ofNullable(ts).map(Timestamp::toInstant);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
