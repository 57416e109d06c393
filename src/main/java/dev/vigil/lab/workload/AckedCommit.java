package dev.vigil.lab.workload;

import java.time.Instant;
import java.util.UUID;

/**
 * A write the server acknowledged: its unique id (stored in the row) and when the acknowledgement arrived.
 * {@code nanoTime} orders and spaces acknowledgements precisely; {@code at} is for people.
 */
public record AckedCommit(UUID id, Instant at, long nanoTime) {
}
