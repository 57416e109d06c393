package dev.vigil.locks;

import java.time.Duration;
import java.util.Optional;

/**
 * An arrow of the wait-for graph: {@code waiter} waits for {@code blocker}, asking {@code mode} on
 * {@code relation} where the lock concerns a table; {@code awaited} says what it waits for in words, for every
 * lock type ("transaction 745 (a row of shop.orders) to end", "advisory lock 42"): never empty.
 */
public record WaitEdge(int waiter, int blocker, String mode, Optional<String> relation, String awaited,
                       Optional<Duration> waited) {
}
