package dev.vigil.ops.session;

import dev.vigil.monitor.activity.SessionActivity;
import java.time.Instant;
import java.util.Optional;

/**
 * A backend as the operator saw it when choosing it. {@code pid} and {@code backendStart} together name the
 * backend: a pid alone may have been reused by a newer session by the time the action runs.
 */
public record SessionTarget(int pid, Instant backendStart, String user, String application, String state,
                            Optional<Instant> queryStart, String query) {

    /** From the Sessions view's row (build one for a lock's pid from the activity of the same sample). */
    public static SessionTarget of(SessionActivity s) {
        Instant started = s.backendStart().orElseThrow(() -> new IllegalArgumentException("pid " + s.pid()
                + " has no backend start time, so it is not a backend that can be signalled safely"));
        return new SessionTarget(s.pid(), started, s.user(), s.application(), s.state(), s.queryStart(), s.query());
    }

    /** "alice · psql · active · SELECT pg_sleep(600)", for the plan. */
    public String describe() {
        String app = application.isEmpty() ? "no application name" : application;
        String q = query.isBlank() ? "(no query)" : oneLine(query);
        return (user.isEmpty() ? "no user" : user) + " · " + app + " · " + (state.isEmpty() ? "no state" : state)
                + " · " + q;
    }

    static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 119) + "…" : flat;
    }
}
