package dev.vigil.monitor.health;

import dev.vigil.sql.Lsn;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where WAL stands on a node now, and the rate since the previous reading: bytes per second from the WAL
 * position (exact: an LSN difference, not a flushed counter), and the share of full-page images from
 * pg_stat_wal (14+) over the same stretch.
 */
public record WalReading(Counters now, Optional<Rate> rate) {

    /** {@code position} is the insert position on a primary, the replayed one on a standby. */
    public record Counters(Instant at, boolean inRecovery, Lsn position, Optional<Long> records,
                           Optional<Long> fullPageImages, Optional<Long> bytes) {}

    /** @param fullPageImageShare full-page images among the records written in the stretch (empty before 14) */
    public record Rate(Duration over, double bytesPerSecond, Optional<Double> fullPageImageShare) {}

    /** The next reading: a rate from the previous one, unless the role changed or the position went back. */
    public static WalReading next(Optional<WalReading> previous, Counters now) {
        Optional<Rate> rate = previous.map(WalReading::now).filter(p -> p.inRecovery() == now.inRecovery())
                .filter(p -> now.at().isAfter(p.at()) && !p.position().isAfter(now.position()))
                .map(p -> {
                    Duration over = Duration.between(p.at(), now.at());
                    double seconds = over.toMillis() / 1000.0;
                    Optional<Double> fpi = p.records().flatMap(r0 -> now.records().flatMap(r1 -> p.fullPageImages()
                            .flatMap(f0 -> now.fullPageImages().filter(f1 -> r1 > r0 && f1 >= f0)
                                    .map(f1 -> (f1 - f0) / (double) (r1 - r0)))));
                    return new Rate(over, (now.position().value() - p.position().value()) / seconds, fpi);
                });
        return new WalReading(now, rate);
    }
}
