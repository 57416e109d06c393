package dev.vigil.locks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A session that behaves like a schema migration in the middle of the incident the postmortem describes: it
 * waits on nobody and holds a SHARE-or-stronger table lock others wait on.
 *
 * @param lock     "AccessExclusiveLock on shop.orders", the lock it holds that others wait for
 * @param blocked  sessions waiting behind it, directly or through others
 * @param ddl      its current statement is DDL (ALTER, CREATE, DROP, LOCK, …)
 * @param tool     the migration tool its application_name names, when it names one
 */
public record InFlightMigration(int pid, String user, String database, String application, String query, String lock,
                                int blocked, boolean ddl, Optional<String> tool,
                                Optional<Instant> transactionStart, Instant seenAt) {

    public Optional<Duration> transactionAge() {
        return transactionStart.map(t -> Duration.between(t, seenAt));
    }

    /** "pid 4242 (flyway) holds AccessExclusiveLock on shop.orders; 12 sessions wait behind it". */
    public String describe() {
        String who = "pid " + pid + (application.isEmpty() ? "" : " (" + application + ")");
        return who + " holds " + lock + "; " + blocked + (blocked == 1 ? " session waits" : " sessions wait") + " behind it"
                + transactionAge().map(a -> ", transaction open " + a.toSeconds() + " s").orElse("");
    }
}
