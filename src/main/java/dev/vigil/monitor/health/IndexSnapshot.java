package dev.vigil.monitor.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Indexes of the monitored database that no scan has used since the statistics began, invalid ones, and
 * redundant ones (their keys lead another index), largest first. Only the database Vigil connects to: usage statistics are per database.
 *
 * @param statsReset when this database's statistics were last reset (empty: never, since the cluster began)
 */
public record IndexSnapshot(String database, Optional<Instant> statsReset, List<Index> indexes,
                            List<Redundant> redundant) {
    public IndexSnapshot {
        indexes = List.copyOf(indexes);
        redundant = List.copyOf(redundant);
    }

    public IndexSnapshot(String database, Optional<Instant> statsReset, List<Index> indexes) {
        this(database, statsReset, indexes, List.of());
    }

    /** An index whose keys lead another index on its table ({@code coveredBy}), which serves all it serves. */
    public record Redundant(String schema, String table, String name, String coveredBy, long bytes, String definition,
                            String coveringDefinition) {}

    public record Index(String schema, String table, String name, long scans, long bytes, boolean unique,
                        boolean valid, boolean backsConstraint) {
        /** Unused and droppable: never scanned, valid, and not what a primary key or unique constraint relies on. */
        public boolean unused() {
            return scans == 0 && valid && !backsConstraint && !unique;
        }
    }
}
