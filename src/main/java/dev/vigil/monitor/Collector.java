package dev.vigil.monitor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

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

    /** Reads this collector's data on its own. Batchable collectors need not override it. */
    default T collect(Connection connection, int serverVersionNum) throws SQLException {
        if (batchable(serverVersionNum).isEmpty()) {
            throw new UnsupportedOperationException(name() + " must implement collect or batchable");
        }
        return Batch.alone(this, connection, serverVersionNum);
    }

    /**
     * The statements of a collector that can share a tick's round trip with others: no parameters, no follow-up
     * depending on a result. Empty for collectors that cannot ({@link #collect} is used alone).
     */
    default List<String> batchable(int serverVersionNum) {
        return List.of();
    }

    /** Reads this collector's result sets from a shared round trip, one per statement of {@link #batchable}. */
    default T read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        throw new UnsupportedOperationException(name() + " is not batchable");
    }

    /**
     * Like {@link #collect(Connection, int)}, given this node's previous value, for collectors that can skip
     * work already done (the statements collector fetches only texts it has not seen).
     */
    default T collect(Connection connection, int serverVersionNum, java.util.Optional<T> previous) throws SQLException {
        return collect(connection, serverVersionNum);
    }

    /**
     * Finishes a value read on the monitoring connection with what only the node's other databases know (the
     * names of their tables). Most collectors need nothing; the sampler calls it once per successful read.
     */
    default T complete(T value, OtherDatabases others) {
        return value;
    }
}
