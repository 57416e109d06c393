package dev.vigil.monitor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code pg_stat_activity} every tick: sessions, and from them the active-session wait profile. */
public final class ActivityCollector implements Collector<ActivitySnapshot> {
    @Override
    public String name() {
        return "activity";
    }

    @Override
    public List<String> batchable(int serverVersionNum) {
        return List.of(MonitorSql.ACTIVITY.sql(serverVersionNum));
    }

    @Override
    public ActivitySnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        List<SessionActivity> sessions = new ArrayList<>();
        Instant at = null;
        ResultSet rs = results.get(0);
        while (rs.next()) {
            at = rs.getTimestamp("server_now").toInstant();
            sessions.add(new SessionActivity(rs.getInt("pid"), text(rs, "usename"), text(rs, "datname"),
                    text(rs, "application_name"), text(rs, "client_addr"), text(rs, "backend_type"),
                    text(rs, "state"), text(rs, "wait_event_type"), text(rs, "wait_event"),
                    time(rs, "backend_start"), time(rs, "xact_start"), time(rs, "query_start"),
                    time(rs, "state_change"), Optional.ofNullable((Integer) rs.getObject("backend_xmin_age")),
                    text(rs, "query"), at));
        }
        return new ActivitySnapshot(at == null ? Instant.now() : at, sessions, WaitProfile.of(sessions));
    }

    static String text(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }

    static Optional<Instant> time(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
