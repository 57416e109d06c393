package dev.vigil.monitor.activity;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.Columns;
import dev.vigil.monitor.MonitorSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code pg_stat_activity} every tick: sessions, and from them the active-session wait profile. */
public final class ActivityCollector extends BatchedCollector<ActivitySnapshot> {
    public ActivityCollector() {
        super("activity", 1, MonitorSql.ACTIVITY);
    }

    @Override
    public ActivitySnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        List<SessionActivity> sessions = new ArrayList<>();
        Instant at = null;
        ResultSet rs = results.get(0);
        while (rs.next()) {
            at = rs.getTimestamp("server_now").toInstant();
            sessions.add(new SessionActivity(rs.getInt("pid"), Columns.text(rs, "usename"), Columns.text(rs, "datname"),
                    Columns.text(rs, "application_name"), Columns.text(rs, "client_addr"), Columns.text(rs, "backend_type"),
                    Columns.text(rs, "state"), Columns.text(rs, "wait_event_type"), Columns.text(rs, "wait_event"),
                    Columns.time(rs, "backend_start"), Columns.time(rs, "xact_start"), Columns.time(rs, "query_start"),
                    Columns.time(rs, "state_change"), Optional.ofNullable((Integer) rs.getObject("backend_xmin_age")),
                    Columns.text(rs, "query"), at));
        }
        return new ActivitySnapshot(at == null ? Instant.now() : at, sessions, WaitProfile.of(sessions));
    }

}
