package dev.vigil.lab;

import dev.vigil.sql.Lsn;
import java.util.Optional;

/** Where a node's WAL stands: its own insert position if primary, what it received and replayed if standby. */
public record WalPosition(boolean inRecovery, Optional<Lsn> current, Optional<Lsn> received, Optional<Lsn> replayed,
                          Optional<Integer> timeline, Optional<Integer> upstreamPort) {
}
