package dev.vigil.monitor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs several statements in one round trip (pgJDBC sends them with a single Sync) and hands each caller its
 * result sets in order. Also serves a batchable collector alone, so it has one way of reading its results.
 */
final class Batch {
    private Batch() {}

    /** Runs {@code statements} together; {@code readers} consume the result sets in the same order. */
    static void run(Connection connection, List<String> statements, List<Reader> readers) throws SQLException {
        try (Statement st = connection.createStatement()) {
            boolean hasResult = st.execute(String.join(";\n", statements));
            List<ResultSet> all = new ArrayList<>();
            try {
                for (int i = 0; i < statements.size(); i++) {
                    if (!hasResult) {
                        throw new SQLException("statement " + (i + 1) + " of a monitoring batch returned no rows");
                    }
                    all.add(st.getResultSet());
                    hasResult = st.getMoreResults(Statement.KEEP_CURRENT_RESULT);
                }
                int next = 0;
                for (Reader reader : readers) {
                    reader.read(all.subList(next, next + reader.count()));
                    next += reader.count();
                }
            } finally {
                for (ResultSet rs : all) {
                    rs.close();
                }
            }
        }
    }

    /** A consumer of {@code count} consecutive result sets. */
    interface Reader {
        int count();

        void read(List<ResultSet> results) throws SQLException;
    }

    /** A batchable collector run on its own. */
    static <T> T alone(Collector<T> collector, Connection connection, int serverVersionNum) throws SQLException {
        List<String> statements = collector.batchable(serverVersionNum);
        List<Object> result = new ArrayList<>(1);
        run(connection, statements, List.of(new Reader() {
            @Override
            public int count() {
                return statements.size();
            }

            @Override
            public void read(List<ResultSet> results) throws SQLException {
                result.add(collector.read(results, serverVersionNum));
            }
        }));
        @SuppressWarnings("unchecked")
        T value = (T) result.get(0);
        return value;
    }
}
