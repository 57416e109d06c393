package dev.vigil.monitor.health;

import java.util.List;

/** Transaction-id and multixact age of each database of a node, oldest first. */
public record WraparoundSnapshot(List<Database> databases) {
    /** Transaction ids and multixacts wrap at 2^31: at that age the server stops taking writes. */
    public static final long LIMIT = 1L << 31;

    public WraparoundSnapshot {
        databases = List.copyOf(databases);
    }

    public record Database(String name, long xidAge, long mxidAge, long freezeMaxAge, long multixactFreezeMaxAge) {
        /** The larger of the two ages as a share of the wraparound limit. */
        public double share() {
            return Math.max(xidAge, mxidAge) / (double) LIMIT;
        }

        public boolean multixactIsOlder() {
            return mxidAge > xidAge;
        }
    }
}
