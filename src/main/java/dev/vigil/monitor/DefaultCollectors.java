package dev.vigil.monitor;

import java.util.List;

/** The collectors every node gets, at their default cadence. */
public final class DefaultCollectors {
    private DefaultCollectors() {}

    public static List<Collector<?>> all() {
        return List.of(new ActivityCollector(), new DatabaseCollector(), new ReplicationCollector(), new LockWaitCollector(),
                new StatementsCollector());
    }
}
