package dev.vigil.locks;

import dev.vigil.monitor.lockwaits.LockSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A root blocker with what decides what to do about it: who runs it (application, user, database), what it does
 * (state, query) and how long its transaction has been open. pid 0 is a prepared transaction: it has no backend
 * and is ended with COMMIT PREPARED or ROLLBACK PREPARED, not by a signal.
 *
 * @param known false when the blocker was not in the same snapshot (it ended while it was read)
 */
public record RootBlocker(int pid, int heldUp, int heldUpDirectly, boolean known, String application, String user,
                          String database, String state, Optional<Duration> transactionAge, String query,
                          List<String> strongLocks) {
    public RootBlocker {
        strongLocks = List.copyOf(strongLocks);
    }

    static RootBlocker of(BlockingTree tree, Optional<LockSession> session, Instant at) {
        return session.map(s -> new RootBlocker(tree.root(), tree.size(), tree.directlyBlocked(), true, s.application(),
                        s.user(), s.database(), s.state(), s.transactionStart().map(t -> Duration.between(t, at))
                        .filter(d -> !d.isNegative()), s.query(), s.strongLocks()))
                .orElseGet(() -> new RootBlocker(tree.root(), tree.size(), tree.directlyBlocked(), false, "", "", "",
                        "", Optional.empty(), "", List.of()));
    }

    /**
     * "pid 4242 (flyway, user app on shop, idle in transaction, transaction open 40 s) holds up 12 (3 directly):
     * ALTER TABLE shop.orders …".
     */
    public String describe() {
        String held = " holds up " + heldUp + " (" + heldUpDirectly + " directly)";
        if (pid == 0) {
            return "a prepared transaction" + held + ": see pg_prepared_xacts; end it with COMMIT PREPARED or "
                    + "ROLLBACK PREPARED";
        }
        if (!known) {
            return "pid " + pid + held + " (it was not in pg_stat_activity when read: it may just have ended)";
        }
        String age = transactionAge.map(d -> ", transaction open " + seconds(d)).orElse(", no transaction");
        return "pid " + pid + " (" + (application.isEmpty() ? "no application_name" : application) + ", user " + user
                + " on " + database + ", " + (state.isEmpty() ? "state unknown" : state) + age + ")" + held
                + (query.isBlank() ? "" : ": " + oneLine(query));
    }

    private static String oneLine(String query) {
        String line = query.strip().replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    /** Seconds as an operator reads them: "40 s", "2.5 s". */
    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms >= 10_000 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
