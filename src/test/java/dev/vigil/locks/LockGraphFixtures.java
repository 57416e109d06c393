package dev.vigil.locks;

import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Hand-built lock snapshots for layout and view tests: the shapes a DBA meets (a held lock with a queue behind an
 * ALTER, row-lock pile-ups, chains, shared holders, cycles), named like a real application would be.
 */
public final class LockGraphFixtures {
    private static final String[] USERS = {"billing", "shop", "reporting", "etl", "admin"};
    private static final String[] APPS = {"billing-api", "checkout", "metabase", "nightly-etl", "psql", "orders-svc"};
    private static final String[] TABLES = {"shop.orders", "shop.order_items", "shop.customers", "shop.inventory",
        "billing.invoices", "billing.payments", "shop.carts"};

    private final Instant now;
    private final Random random;
    private final List<LockSession> sessions = new ArrayList<>();
    private int nextPid;

    private LockGraphFixtures(Instant now, long seed, int firstPid) {
        this.now = now;
        this.random = new Random(seed);
        this.nextPid = firstPid;
    }

    /** The chain of the issue: A holds; B and C wait on A; D waits on C. Pids 101 to 104. */
    public static LockSnapshot chain(Instant now) {
        LockGraphFixtures f = new LockGraphFixtures(now, 1, 101);
        int a = f.holder("billing", "billing-api", "idle in transaction", 312, "UPDATE billing.invoices SET status = 'paid' WHERE id = 42");
        int b = f.waiter(List.of(a), "shop", "checkout", "ShareLock", "billing.invoices", 47, "UPDATE billing.invoices SET total = total + 1 WHERE id = 42");
        int c = f.waiter(List.of(a), "etl", "nightly-etl", "AccessExclusiveLock", "billing.invoices", 31, "ALTER TABLE billing.invoices ADD COLUMN note text");
        f.waiter(List.of(c), "reporting", "metabase", "AccessShareLock", "billing.invoices", 12, "SELECT count(*) FROM billing.invoices");
        return f.snapshot();
    }

    /** Two cycles (a deadlock about to be broken) with a waiter behind one of them. Pids from 201. */
    public static LockSnapshot cycles(Instant now) {
        LockGraphFixtures f = new LockGraphFixtures(now, 2, 201);
        int p = f.nextPid;
        f.waiterWithPid(p, List.of(p + 1), "shop", "checkout", "ShareLock", "shop.inventory", 0.8, "UPDATE shop.inventory SET qty = qty - 1 WHERE sku = 'A-1'");
        f.waiterWithPid(p + 1, List.of(p), "shop", "orders-svc", "ShareLock", "shop.inventory", 0.6, "UPDATE shop.inventory SET qty = qty - 1 WHERE sku = 'B-7'");
        f.waiterWithPid(p + 2, List.of(p + 1), "billing", "billing-api", "ExclusiveLock", "shop.inventory", 0.4, "UPDATE shop.inventory SET qty = 0 WHERE sku = 'B-7'");
        f.waiterWithPid(p + 3, List.of(p + 4), "etl", "nightly-etl", "ShareRowExclusiveLock", "billing.payments", 0.9, "LOCK TABLE billing.payments IN SHARE ROW EXCLUSIVE MODE");
        f.waiterWithPid(p + 4, List.of(p + 5), "admin", "psql", "AccessExclusiveLock", "billing.invoices", 0.7, "TRUNCATE billing.invoices");
        f.waiterWithPid(p + 5, List.of(p + 3), "shop", "checkout", "RowExclusiveLock", "billing.payments", 0.5, "INSERT INTO billing.payments VALUES (...)");
        int root = f.holder("billing", "billing-api", "idle in transaction", 95, "SELECT * FROM shop.carts FOR UPDATE");
        f.waiter(List.of(root), "shop", "checkout", "ShareLock", "shop.carts", 20, "UPDATE shop.carts SET total = 0 WHERE id = 9");
        return f.snapshot();
    }

    /** Three hundred sessions in twenty groups, from a held lock with sixty queued behind an ALTER to small trees. */
    public static List<LockSession> threeHundredSessions(Instant now) {
        return threeHundredSessions(now, 7).sessions();
    }

    /** Same shape, with wait times drawn from {@code seed}: successive ticks of the same incident. */
    public static LockSnapshot threeHundredSessions(Instant now, long seed) {
        LockGraphFixtures f = new LockGraphFixtures(now, seed, 4000);
        Random shape = new Random(7); // the shape stays, only times change with the seed
        // A held lock, an ALTER queued behind it, and every reader queued behind the ALTER.
        int holder = f.holder("billing", "billing-api", "idle in transaction", 1840, "UPDATE shop.orders SET status = 'shipped' WHERE id = 991");
        int alter = f.waiter(List.of(holder), "admin", "psql", "AccessExclusiveLock", "shop.orders", 410, "ALTER TABLE shop.orders ADD COLUMN eta date");
        for (int i = 0; i < 60; i++) {
            f.waiter(List.of(alter), "shop", i % 3 == 0 ? "orders-svc" : "checkout", "AccessShareLock", "shop.orders", 400 - i * 6, "SELECT * FROM shop.orders WHERE customer_id = $1");
        }
        // A row-lock pile-up: one waits on the holder's transaction, the rest on the first waiter's tuple lock.
        int rowHolder = f.holder("shop", "checkout", "active", 95, "UPDATE shop.inventory SET qty = qty - 1 WHERE sku = $1");
        int first = f.waiter(List.of(rowHolder), "shop", "checkout", "ShareLock", "shop.inventory", 80, "UPDATE shop.inventory SET qty = qty - 1 WHERE sku = $1");
        for (int i = 0; i < 19; i++) {
            f.waiter(List.of(first), "shop", "checkout", "ExclusiveLock", "shop.inventory", 75 - i * 3, "UPDATE shop.inventory SET qty = qty - 1 WHERE sku = $1");
        }
        // A chain.
        int link = f.holder("etl", "nightly-etl", "idle in transaction (aborted)", 3600, "DELETE FROM billing.payments WHERE created < $1");
        for (int i = 0; i < 5; i++) {
            link = f.waiter(List.of(link), USERS[i % USERS.length], APPS[i % APPS.length], "RowExclusiveLock", "billing.payments", 300 - i * 40, "UPDATE billing.payments SET state = $1 WHERE id = $2");
        }
        // Shared holders: three long reads hold ACCESS SHARE, a TRUNCATE waits on all three, writers queue behind it.
        List<Integer> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            readers.add(f.holder("reporting", "metabase", "active", 900 + i * 60, "SELECT sum(total) FROM billing.invoices GROUP BY month"));
        }
        int truncate = f.waiter(readers, "admin", "psql", "AccessExclusiveLock", "billing.invoices", 240, "TRUNCATE billing.invoices");
        for (int i = 0; i < 10; i++) {
            f.waiter(List.of(truncate), "billing", "billing-api", "RowExclusiveLock", "billing.invoices", 200 - i * 15, "INSERT INTO billing.invoices VALUES ($1, $2)");
        }
        // Two deadlocks about to be broken, one with a waiter behind it.
        LockSnapshot two = cycles(now);
        two.sessions().forEach(s -> f.sessions.add(renumber(s, 9000)));
        // Small and medium trees until three hundred.
        while (f.sessions.size() < 300) {
            int left = 300 - f.sessions.size();
            int size = Math.min(left, 6 + shape.nextInt(16));
            size = left - size < 2 ? left : size; // a holder alone waits for nobody and is not drawn
            f.randomTree(size, shape);
        }
        return f.snapshot();
    }

    private void randomTree(int size, Random shape) {
        String table = TABLES[shape.nextInt(TABLES.length)];
        List<Integer> members = new ArrayList<>();
        members.add(holder(USERS[shape.nextInt(USERS.length)], APPS[shape.nextInt(APPS.length)],
                shape.nextInt(4) == 0 ? "active" : "idle in transaction", 60 + shape.nextInt(900),
                "UPDATE " + table + " SET updated = now() WHERE id = $1"));
        for (int i = 1; i < size; i++) {
            int blocker = shape.nextInt(10) < 6 ? members.get(0) : members.get(shape.nextInt(members.size()));
            String mode = shape.nextBoolean() ? "ShareLock" : "RowExclusiveLock";
            members.add(waiter(List.of(blocker), USERS[shape.nextInt(USERS.length)], APPS[shape.nextInt(APPS.length)],
                    mode, table, 1 + shape.nextInt(50), "UPDATE " + table + " SET qty = qty - 1 WHERE id = $1"));
        }
    }

    private int holder(String user, String app, String state, double xactSeconds, String query) {
        int pid = nextPid++;
        Instant xact = now.minusMillis((long) (xactSeconds * 1000));
        sessions.add(new LockSession(pid, List.of(), user, "shop", app, state,
                state.startsWith("idle") ? "Client" : "", state.startsWith("idle") ? "ClientRead" : "",
                Optional.of(xact), Optional.of(xact.plusSeconds(1)), query, Optional.empty()));
        return pid;
    }

    private int waiter(List<Integer> blockers, String user, String app, String mode, String table, double waitedSeconds,
                       String query) {
        int pid = nextPid++;
        waiterWithPid(pid, blockers, user, app, mode, table, waitedSeconds, query);
        return pid;
    }

    private void waiterWithPid(int pid, List<Integer> blockers, String user, String app, String mode, String table,
                               double waitedSeconds, String query) {
        double jitter = 1 + random.nextDouble() * 0.05;
        Instant since = now.minusMillis((long) (waitedSeconds * 1000 * jitter));
        nextPid = Math.max(nextPid, pid + 1);
        String lockType = mode.equals("ShareLock") ? "transactionid" : mode.equals("ExclusiveLock") ? "tuple" : "relation";
        sessions.add(new LockSession(pid, blockers, user, "shop", app, "active", "Lock", lockType,
                Optional.of(since.minusSeconds(2)), Optional.of(since), query,
                Optional.of(new WaitingLock(lockType, mode, Optional.of(table), Optional.of(since)))));
    }

    private static LockSession renumber(LockSession s, int offset) {
        return new LockSession(s.pid() + offset, s.blockedBy().stream().map(b -> b + offset).toList(), s.user(),
                s.database(), s.application(), s.state(), s.waitEventType(), s.waitEvent(), s.transactionStart(),
                s.queryStart(), s.query(), s.waitingFor());
    }

    private LockSnapshot snapshot() {
        return new LockSnapshot(now, sessions);
    }
}
