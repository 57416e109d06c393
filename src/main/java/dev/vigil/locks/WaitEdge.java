package dev.vigil.locks;

import java.time.Duration;
import java.util.Optional;

/** An arrow of the wait-for graph: {@code waiter} waits for {@code blocker}, asking {@code mode} on {@code relation}. */
public record WaitEdge(int waiter, int blocker, String mode, Optional<String> relation, Optional<Duration> waited) {
}
