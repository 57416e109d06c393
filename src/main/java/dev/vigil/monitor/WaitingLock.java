package dev.vigil.monitor;

import java.time.Instant;
import java.util.Optional;

/**
 * The lock a session is waiting for: its type ({@code relation}, {@code transactionid}, {@code tuple}, ...),
 * the mode it asked for, the table concerned where known, and since when it waits (PostgreSQL 14+).
 */
public record WaitingLock(String lockType, String mode, Optional<String> relation, Optional<Instant> waitStart) {
}
