package dev.vigil.monitor.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Vacuum on a node: the tables of the monitored database with the most dead rows, the vacuums running now, and
 * autovacuum's workers busy against {@code autovacuum_max_workers}.
 */
public record VacuumSnapshot(int busyWorkers, int maxWorkers, List<Table> tables, List<Running> running) {
    public VacuumSnapshot {
        tables = List.copyOf(tables);
        running = List.copyOf(running);
    }

    public record Table(String schema, String name, long liveRows, long deadRows, long modifiedSinceAnalyze,
                        Optional<Instant> lastVacuum, Optional<Instant> lastAutovacuum, Optional<Instant> lastAnalyze,
                        Optional<Instant> lastAutoanalyze, long autovacuumCount) {
        public double deadShare() {
            long all = liveRows + deadRows;
            return all == 0 ? 0 : deadRows / (double) all;
        }

        /** The later of the last manual vacuum and the last autovacuum. */
        public Optional<Instant> lastVacuumed() {
            return lastVacuum.isEmpty() ? lastAutovacuum : lastAutovacuum.isEmpty() ? lastVacuum
                    : Optional.of(lastVacuum.get().isAfter(lastAutovacuum.get()) ? lastVacuum.get() : lastAutovacuum.get());
        }
    }

    /** One vacuum in progress: which table, its phase, and how much of the heap it has scanned. */
    public record Running(int pid, String database, String table, String phase, long heapBlocks, long scanned,
                          long vacuumed, long indexPasses, boolean autovacuum, Optional<Double> runningSeconds) {
        public double scannedShare() {
            return heapBlocks == 0 ? 0 : scanned / (double) heapBlocks;
        }
    }
}
