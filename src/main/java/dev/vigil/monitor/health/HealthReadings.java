package dev.vigil.monitor.health;

import dev.vigil.monitor.NodeSample;
import java.util.Optional;

/** A node's health readings from one sample; each is empty until its collector has run, or while the node is not up. */
public record HealthReadings(Optional<HorizonSnapshot> horizon, Optional<WraparoundSnapshot> wraparound,
                             Optional<IndexSnapshot> indexes, Optional<SequenceSnapshot> sequences,
                             Optional<CheckpointReading> checkpoints, Optional<VacuumSnapshot> vacuum,
                             Optional<WalReading> wal) {

    /** Never a down or late node's last values: those are not live. */
    public static HealthReadings of(NodeSample sample) {
        return new HealthReadings(sample.upValue(HorizonSnapshot.class), sample.upValue(WraparoundSnapshot.class),
                sample.upValue(IndexSnapshot.class), sample.upValue(SequenceSnapshot.class),
                sample.upValue(CheckpointReading.class), sample.upValue(VacuumSnapshot.class),
                sample.upValue(WalReading.class));
    }

    /** These readings without the indexes, for views that judge index usage across nodes. */
    public HealthReadings withoutIndexes() {
        return new HealthReadings(horizon, wraparound, Optional.empty(), sequences, checkpoints, vacuum, wal);
    }
}
