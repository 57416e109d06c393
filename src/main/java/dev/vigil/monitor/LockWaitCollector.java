package dev.vigil.monitor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads lock waits: every session waiting on a lock with the pids blocking it, plus those blockers. Cheap when
 * nobody waits: {@code pg_blocking_pids()} runs only for sessions whose wait event type is {@code Lock}.
 */
public final class LockWaitCollector implements Collector<LockSnapshot> {
    @Override
    public String name() {
        return "locks";
    }

    @Override
    public List<String> batchable(int serverVersionNum) {
        return List.of(MonitorSql.LOCK_WAITS.sql(serverVersionNum));
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

    private static LockSession read(ResultSet rs) throws SQLException {
        Optional<WaitingLock> waiting = Optional.ofNullable(rs.getString("mode")).map(mode -> {
            try {
                return new WaitingLock(rs.getString("locktype"), mode, Optional.ofNullable(rs.getString("relation")),
                        instant(rs.getTimestamp("waitstart")));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return new LockSession(rs.getInt("pid"), pids(rs.getArray("blocked_by")), nonNull(rs.getString("usename")),
                nonNull(rs.getString("datname")), nonNull(rs.getString("application_name")),
                nonNull(rs.getString("state")), nonNull(rs.getString("wait_event_type")),
                nonNull(rs.getString("wait_event")), instant(rs.getTimestamp("xact_start")),
                instant(rs.getTimestamp("query_start")), nonNull(rs.getString("query")), waiting,
                texts(rs.getArray("strong_locks")));
    }

    private static List<Integer> pids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Integer[]) array.getArray()).toList();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).toList();
    }

    private static Optional<Instant> instant(Timestamp ts) {
        return Optional.ofNullable(ts).map(Timestamp::toInstant);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
