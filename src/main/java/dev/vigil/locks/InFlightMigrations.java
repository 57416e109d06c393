package dev.vigil.locks;

import dev.vigil.monitor.lockwaits.HeldLock;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds sessions that look like a migration blocking traffic, from the lock graph alone (no extra query): a
 * session that waits on nobody, holds a granted SHARE-or-stronger lock on a table its waiters wait for, and so
 * holds them up. A session that itself waits is never one: stopping it would not free the chain (whatever it
 * waits on still holds the others), so the alert and its "stop" go to the holder. The statement being DDL and
 * the application being a migration tool are evidence, not conditions: a migration between statements
 * (sleeping, or idle in transaction) shows neither, and is the worst case.
 */
public final class InFlightMigrations {
    /** Table lock modes a migration takes, SHARE and stronger: each blocks the writes of ordinary traffic. */
    static final Set<String> STRONG = Set.of("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
    private static final Pattern DDL = Pattern.compile("^\\s*(ALTER|CREATE|DROP|TRUNCATE|LOCK|REINDEX|CLUSTER|VACUUM\\s+FULL"
            + "|REFRESH\\s+MATERIALIZED|COMMENT\\s+ON|GRANT|REVOKE)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> TOOLS = List.of("flyway", "liquibase", "alembic", "rails", "activerecord",
            "knex", "prisma", "goose", "migrate", "sqitch", "django", "dbmate", "atlas", "ecto");

    private InFlightMigrations() {}

    /** The suspects, most sessions blocked first. */
    public static List<InFlightMigration> find(WaitForGraph graph) {
        if (graph.isEmpty()) {
            return List.of(); // nobody waits: the views ask every tick
        }
        List<InFlightMigration> found = new ArrayList<>();
        for (LockSession s : graph.sessions().values()) {
            int blocked = graph.blockedTransitively(s.pid());
            if (blocked == 0 || s.isWaiting()) {
                continue;
            }
            // Only a lock on a table its waiters wait for counts: a bulk job's temp table held in ACCESS
            // EXCLUSIVE while its row locks hold up writers is not a migration.
            Set<String> waitedOn = graph.sessions().values().stream().filter(w -> w.blockedBy().contains(s.pid()))
                    .flatMap(w -> w.waitingFor().flatMap(WaitingLock::relation).stream())
                    .collect(java.util.stream.Collectors.toSet());
            Optional<HeldLock> held = s.strong().stream().filter(l -> STRONG.contains(l.mode())
                    && waitedOn.contains(l.relation().shown())).findFirst();
            if (held.isEmpty()) {
                continue;
            }
            found.add(new InFlightMigration(s.pid(), s.user(), s.database(), s.application(), s.query(),
                    held.get().describe(), blocked, DDL.matcher(stripComments(s.query())).find(), tool(s.application()),
                    s.transactionStart(), graph.snapshot().at()));
        }
        found.sort(Comparator.comparingInt(InFlightMigration::blocked).reversed().thenComparingInt(InFlightMigration::pid));
        return found;
    }

    static Optional<String> tool(String application) {
        String lower = application.toLowerCase(Locale.ROOT);
        return TOOLS.stream().filter(lower::contains).findFirst();
    }

    private static String stripComments(String query) {
        return query.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
