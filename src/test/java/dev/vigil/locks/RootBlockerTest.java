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

class RootBlockerTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static LockSession waiter(int pid, int blocker) {
        return new LockSession(pid, List.of(blocker), "app", "shop", "checkout", "active", "Lock", "relation",
                Optional.of(NOW.minusSeconds(3)), Optional.of(NOW.minusSeconds(3)), "INSERT INTO shop.orders …",
                Optional.of(new WaitingLock("relation", "RowExclusiveLock", Optional.of("shop.orders"), Optional.empty())));
    }

    @Test
    void aRootBlockerSaysWhoItIsWhatItRunsAndHowLongItsTransactionIsOpen() {
        LockSession root = new LockSession(10, List.of(), "deploy", "shop", "flyway", "idle in transaction", "Client",
                "ClientRead", Optional.of(NOW.minusSeconds(40)), Optional.of(NOW.minusSeconds(39)),
                "ALTER TABLE shop.orders\n   ADD COLUMN note text", Optional.empty(),
                List.of(HeldLock.on("AccessExclusiveLock", "shop.orders")));
        WaitForGraph graph = WaitForGraph.of(new LockSnapshot(NOW, List.of(root, waiter(11, 10), waiter(12, 11))));
        assertThat(graph.rootBlockerDetails()).singleElement().satisfies(r -> {
            assertThat(r.pid()).isEqualTo(10);
            assertThat(r.heldUp()).isEqualTo(2);
            assertThat(r.application()).isEqualTo("flyway");
            assertThat(r.state()).isEqualTo("idle in transaction");
            assertThat(r.transactionAge()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(40));
            assertThat(r.strongLocks()).containsExactly("AccessExclusiveLock on shop.orders");
            assertThat(r.describe()).isEqualTo("pid 10 (flyway, user deploy on shop, idle in transaction, transaction "
                    + "open 40 s) holds up 2 (1 directly): ALTER TABLE shop.orders ADD COLUMN note text");
        });
    }

    @Test
    void aPreparedTransactionAndAVanishedBlockerSayWhatTheyAre() {
        WaitForGraph prepared = WaitForGraph.of(new LockSnapshot(NOW, List.of(waiter(11, 0))));
        assertThat(prepared.rootBlockerDetails()).singleElement().satisfies(r -> assertThat(r.describe())
                .startsWith("a prepared transaction holds up 1 (1 directly)").contains("ROLLBACK PREPARED"));
        WaitForGraph gone = WaitForGraph.of(new LockSnapshot(NOW, List.of(waiter(11, 77))));
        assertThat(gone.rootBlockerDetails()).singleElement().satisfies(r -> assertThat(r.describe())
                .isEqualTo("pid 77 holds up 1 (1 directly) (it was not in pg_stat_activity when read: it may just have ended)"));
    }
}
