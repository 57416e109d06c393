package dev.vigil.monitor;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One kind of data read from a node, on the sampler's connection. Collectors are stateless: whatever needs the
 * previous sample (deltas, rates) is a pure function applied to two snapshots.
 *
 * @param <T> the immutable snapshot record it produces
 */
public interface Collector<T> {

    /** A short stable name: the key of this collector's metric in every {@link NodeSample}. */
    String name();

    /** Runs every this many ticks; expensive collectors run less often. */
    default int everyTicks() {
        return 1;
    }

    T collect(Connection connection, int serverVersionNum) throws SQLException;

    /**
     * Like {@link #collect(Connection, int)}, given this node's previous value, for collectors that can skip
     * work already done (the statements collector fetches only texts it has not seen).
     */
    default T collect(Connection connection, int serverVersionNum, java.util.Optional<T> previous) throws SQLException {
        return collect(connection, serverVersionNum);
    }
}
