package dev.vigil.monitor.health;

import java.util.List;
import java.util.Optional;

/**
 * Who holds back vacuum's xmin horizon on a node, oldest first: sessions with an old snapshot or transaction,
 * replication slots with an xmin, prepared transactions. Dead rows newer than the oldest of these cannot be
 * removed by any vacuum.
 */
public record HorizonSnapshot(List<Holder> holders) {
    public HorizonSnapshot {
        holders = List.copyOf(holders);
    }

    public enum Kind { SESSION, SLOT, PREPARED }

    /**
     * @param xminAge     transactions since the horizon it holds (age of its xmin)
     * @param heldSeconds how long its transaction has been open (sessions, prepared transactions)
     * @param name        the slot's name or the prepared transaction's gid
     */
    public record Holder(Kind kind, Optional<Integer> pid, String user, String application, String database,
                         String state, long xminAge, Optional<Double> heldSeconds, String name, String query) {}

    public Optional<Holder> oldest() {
        return holders.stream().findFirst();
    }
}
