package dev.vigil.monitor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * A collector whose statements ride in the tick's one round trip: it is a name, a cadence and its queries, and
 * only says how to read their result sets.
 */
public abstract class BatchedCollector<T> implements Collector<T> {
    private final String name;
    private final int everyTicks;
    private final List<MonitorSql> queries;

    protected BatchedCollector(String name, int everyTicks, MonitorSql... queries) {
        this.name = name;
        this.everyTicks = everyTicks;
        this.queries = List.copyOf(Arrays.asList(queries));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int everyTicks() {
        return everyTicks;
    }

    @Override
    public final List<String> batchable(int serverVersionNum) {
        return queries.stream().map(q -> q.sql(serverVersionNum)).toList();
    }

    /** One result set per query, in the order given to the constructor. */
    @Override
    public abstract T read(List<ResultSet> results, int serverVersionNum) throws SQLException;
}
