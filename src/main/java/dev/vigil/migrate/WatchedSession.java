package dev.vigil.migrate;

import java.time.Instant;
import java.util.Optional;

/** A session the watch saw waiting behind Vigil's migration, or one the migration waited for. */
public record WatchedSession(int pid, String user, String application, String state, Optional<Instant> since,
                             String query) {

    /** "pid 4242 (shop_app · billing, idle in transaction since 2025-01-01T10:00:00Z): UPDATE shop.orders …" */
    public String describe() {
        String q = query == null ? "" : query.replaceAll("\\s+", " ").strip();
        if (q.length() > 80) {
            q = q.substring(0, 79) + "…";
        }
        return "pid " + pid + " (" + user + (application.isEmpty() ? "" : " · " + application) + ", "
                + (state.isEmpty() ? "no state" : state) + since.map(s -> " since " + s).orElse("") + ")"
                + (q.isEmpty() ? "" : ": " + q);
    }
}
