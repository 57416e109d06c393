package dev.vigil.ops.failover;

import dev.vigil.monitor.seen.SeenWrites;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where a failover learns the last WAL position the old primary was seen to write: this process's monitor, the
 * {@link SeenWrites} file that every monitor (window, {@code vigil watch}) keeps beside the journal, or both.
 * Read when the failover reads the topology, on the workflow's thread: the file is I/O.
 */
public interface LastSeenSource {
    /** The newest sighting for {@code cluster}; {@code problems} gets why a source could not be read. */
    Optional<LastSeen> read(String cluster, StringBuilder problems);

    /** Where the sightings come from, for the "unknown" advice: "this window's monitor and /x/last-wal.json". */
    String describe();

    static LastSeenSource none() {
        return fixed(Optional.empty(), "none (no monitor)");
    }

    static LastSeenSource fixed(Optional<LastSeen> seen, String describe) {
        return new LastSeenSource() {
            @Override
            public Optional<LastSeen> read(String cluster, StringBuilder problems) {
                return seen;
            }

            @Override
            public String describe() {
                return describe;
            }
        };
    }

    static LastSeenSource file(SeenWrites file) {
        return new LastSeenSource() {
            @Override
            public Optional<LastSeen> read(String cluster, StringBuilder problems) {
                try {
                    return file.latest(cluster).map(LastSeen::of);
                } catch (UncheckedIOException e) {
                    problems.append(e.getMessage());
                    return Optional.empty();
                }
            }

            @Override
            public String describe() {
                return file.file().toString();
            }
        };
    }

    /** This one and {@code other} together: the newer sighting ({@link LastSeen#newer}). */
    default LastSeenSource and(LastSeenSource other) {
        LastSeenSource self = this;
        return new LastSeenSource() {
            @Override
            public Optional<LastSeen> read(String cluster, StringBuilder problems) {
                Optional<LastSeen> a = self.read(cluster, problems);
                Optional<LastSeen> b = other.read(cluster, problems);
                return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(LastSeen.newer(a.get(), b.get()));
            }

            @Override
            public String describe() {
                return self.describe() + " and " + other.describe();
            }
        };
    }
}
