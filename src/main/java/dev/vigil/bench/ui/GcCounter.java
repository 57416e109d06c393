package dev.vigil.bench.ui;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Collections and their total time so far, summed over the JVM's collectors; subtract two to get a run's. */
record GcCounter(long collections, long millis) {

    static GcCounter now() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            time += Math.max(0, gc.getCollectionTime());
        }
        return new GcCounter(count, time);
    }

    GcCounter since(GcCounter before) {
        return new GcCounter(collections - before.collections, millis - before.millis);
    }

    static List<String> collectorNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
    }
}
