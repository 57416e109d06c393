package dev.vigil.ui.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockGraphCardTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void durationsAreShortEnoughForABox() {
        assertThat(LockGraphCard.compact(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(LockGraphCard.compact(Duration.ofMillis(4230))).isEqualTo("4.2 s");
        assertThat(LockGraphCard.compact(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(LockGraphCard.compact(Duration.ofSeconds(30 * 60 + 4))).isEqualTo("30m 04s");
        assertThat(LockGraphCard.compact(Duration.ofMinutes(125))).isEqualTo("2h 05m");
        assertThat(LockGraphCard.compact(Duration.ofHours(52))).isEqualTo("2d 04h");
    }

    @Test
    void aWaiterShowsItsWaitAndARootItsTransactionAge() {
        LockSession waiter = new LockSession(7, List.of(3), "shop", "shop", "checkout", "active", "Lock", "tuple",
                Optional.of(NOW.minusSeconds(20)), Optional.of(NOW.minusSeconds(20)), "UPDATE ...",
                Optional.of(new WaitingLock("tuple", "ExclusiveLock", Optional.of("shop.orders"), Optional.empty())));
        LockGraphCard w = LockGraphCard.of(7, Optional.of(waiter), Optional.of(Duration.ofSeconds(12)), NOW);
        assertThat(w).isEqualTo(new LockGraphCard("pid 7", "shop@checkout", "waiting · tuple", "waits 12 s",
                LockGraphCard.Kind.WAITING));

        LockSession root = new LockSession(3, List.of(), "billing", "shop", "", "idle in transaction", "Client",
                "ClientRead", Optional.of(NOW.minusSeconds(312)), Optional.empty(), "UPDATE ...", Optional.empty());
        LockGraphCard r = LockGraphCard.of(3, Optional.of(root), Optional.empty(), NOW);
        assertThat(r).isEqualTo(new LockGraphCard("pid 3", "billing", "idle in transaction", "xact 5m 12s",
                LockGraphCard.Kind.IDLE_IN_TRANSACTION));

        assertThat(LockGraphCard.of(9, Optional.empty(), Optional.empty(), NOW).kind())
                .isEqualTo(LockGraphCard.Kind.GONE);
    }
}
