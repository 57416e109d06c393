package dev.vigil.monitor.replication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Replication as one node sees it: the standbys streaming from it, its slots, and, if it is a standby itself,
 * its receiver. A cascading standby has all three.
 */
public record ReplicationSnapshot(Instant at, List<StandbyLink> downstream, List<SlotState> slots,
                                  Optional<ReceiverState> receiver) {
    public ReplicationSnapshot {
        downstream = List.copyOf(downstream);
        slots = List.copyOf(slots);
    }

    public Optional<StandbyLink> standby(String applicationName) {
        return downstream.stream().filter(s -> s.applicationName().equals(applicationName)).findFirst();
    }
}
