package dev.vigil.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitor.lockwaits.HeldLock;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InFlightMigrationsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static LockSession session(int pid, List<Integer> blockedBy, String app, String query,
                                       Optional<WaitingLock> waiting, List<String> strong) {
        List<HeldLock> held = strong.stream().map(l -> HeldLock.on(l.substring(0, l.indexOf(" on ")), l.substring(l.indexOf(" on ") + 4))).toList();
        return new LockSession(pid, blockedBy, "app", "shop", app, "active", blockedBy.isEmpty() ? "" : "Lock",
                blockedBy.isEmpty() ? "" : "relation", Optional.of(NOW.minusSeconds(40)), Optional.of(NOW.minusSeconds(40)),
                query, waiting, held);
    }

    private static Optional<WaitingLock> waitsFor(String mode) {
        return Optional.of(new WaitingLock("relation", mode, Optional.of("shop.orders"), Optional.of(NOW.minusSeconds(3))));
    }

    @Test
    void aSessionHoldingAccessExclusiveThatOthersWaitOnIsASuspect() {
        LockSnapshot snapshot = new LockSnapshot(NOW, List.of(
                session(10, List.of(), "flyway", "SELECT pg_sleep(60)", Optional.empty(),
                        List.of("AccessExclusiveLock on shop.orders")),
                session(11, List.of(10), "checkout", "INSERT INTO shop.orders …", waitsFor("RowExclusiveLock"), List.of()),
                session(12, List.of(11), "checkout", "INSERT INTO shop.orders …", waitsFor("RowExclusiveLock"), List.of())));
        List<InFlightMigration> found = InFlightMigrations.find(WaitForGraph.of(snapshot));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.pid()).isEqualTo(10);
            assertThat(m.blocked()).isEqualTo(2);
            assertThat(m.tool()).contains("flyway");
            assertThat(m.ddl()).isFalse();
            assertThat(m.describe()).isEqualTo("pid 10 (flyway) holds AccessExclusiveLock on shop.orders; 2 sessions "
                    + "wait behind it, transaction open 40 s");
        });
    }

    @Test
    void aDdlQueuedForItsLockIsAWaiterAndNotASuspectNorIsItsWeakBlocker() {
        // Issue 11: the alert fired on the queued ALTER and offered to stop it. It waits itself, so it is never the
        // one to stop; its blocker holds only ACCESS SHARE, so it is no migration either (blocked-sessions names it).
        LockSnapshot snapshot = new LockSnapshot(NOW, List.of(
                session(20, List.of(), "metabase", "SELECT * FROM shop.orders", Optional.empty(), List.of()),
                session(21, List.of(20), "psql", "/* add index */ ALTER TABLE shop.orders ADD COLUMN x int",
                        waitsFor("AccessExclusiveLock"), List.of()),
                session(22, List.of(21), "checkout", "SELECT 1 FROM shop.orders", waitsFor("AccessShareLock"), List.of())));
        assertThat(InFlightMigrations.find(WaitForGraph.of(snapshot))).isEmpty();
    }

    @Test
    void aWaiterHoldingAStrongLockOthersWaitOnIsNotTheSuspectTheHolderAtTheRootIs() {
        LockSnapshot snapshot = new LockSnapshot(NOW, List.of(
                session(50, List.of(), "flyway", "ALTER TABLE shop.customers ADD COLUMN y int", Optional.empty(),
                        List.of("AccessExclusiveLock on shop.customers")),
                session(51, List.of(50), "flyway", "ALTER TABLE shop.orders ADD COLUMN z int",
                        Optional.of(new WaitingLock("relation", "AccessExclusiveLock", Optional.of("shop.customers"),
                                Optional.empty())), List.of("AccessExclusiveLock on shop.orders")),
                session(52, List.of(51), "checkout", "INSERT INTO shop.orders …", waitsFor("RowExclusiveLock"), List.of())));
        assertThat(InFlightMigrations.find(WaitForGraph.of(snapshot))).singleElement().satisfies(m -> {
            assertThat(m.pid()).isEqualTo(50);
            assertThat(m.blocked()).isEqualTo(2);
            assertThat(m.lock()).isEqualTo("AccessExclusiveLock on shop.customers");
        });
    }

    @Test
    void rowLockContentionIsNotAMigration() {
        LockSnapshot snapshot = new LockSnapshot(NOW, List.of(
                session(30, List.of(), "billing-api", "UPDATE shop.products SET stock = 1", Optional.empty(), List.of()),
                session(31, List.of(30), "checkout", "UPDATE shop.products SET stock = 2",
                        Optional.of(new WaitingLock("transactionid", "ShareLock", Optional.of("shop.products"),
                                Optional.empty())), List.of())));
        assertThat(InFlightMigrations.find(WaitForGraph.of(snapshot))).isEmpty();
    }

    @Test
    void aStrongLockOnAnotherTableThanTheOneWaitedForIsNotAMigration() {
        LockSnapshot snapshot = new LockSnapshot(NOW, List.of(
                session(40, List.of(), "bulk-upsert", "INSERT INTO shop.orders SELECT * FROM tmp ON CONFLICT …",
                        Optional.empty(), List.of("AccessExclusiveLock on pg_temp_3.tmp")),
                session(41, List.of(40), "checkout", "UPDATE shop.orders SET status = 'paid' WHERE id = 7",
                        Optional.of(new WaitingLock("transactionid", "ShareLock", Optional.of("shop.orders"),
                                Optional.empty())), List.of())));
        assertThat(InFlightMigrations.find(WaitForGraph.of(snapshot))).isEmpty();
    }

    @Test
    void toolsAreRecognisedByApplicationName() {
        assertThat(InFlightMigrations.tool("Flyway 10.20")).contains("flyway");
        assertThat(InFlightMigrations.tool("liquibase-cli")).contains("liquibase");
        assertThat(InFlightMigrations.tool("checkout")).isEmpty();
    }
}
