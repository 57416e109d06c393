package dev.vigil.ops.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** A targeted backend as it is now (from {@code sessions.sql}). */
record SeenSession(int pid, Optional<Instant> backendStart, String user, String application, String backendType,
                   String state, Optional<Instant> queryStart, String waitEventType, String waitEvent, String query) {

    static SeenSession read(ResultSet rs) throws SQLException {
        return new SeenSession(rs.getInt("pid"), instant(rs, "backend_start"), text(rs, "usename"),
                text(rs, "application_name"), text(rs, "backend_type"), text(rs, "state"),
                instant(rs, "query_start"), text(rs, "wait_event_type"), text(rs, "wait_event"), text(rs, "query"));
    }

    boolean isBackend(SessionTarget target) {
        return backendStart.filter(target.backendStart()::equals).isPresent();
    }

    boolean runs(Optional<Instant> query) {
        return "active".equals(state) && Objects.equals(queryStart, query);
    }

    String waiting() {
        return waitEventType.isEmpty() ? "not waiting" : "waiting on " + waitEventType + ":" + waitEvent;
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static String text(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }
}
