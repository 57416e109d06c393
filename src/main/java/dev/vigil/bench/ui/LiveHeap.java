package dev.vigil.bench.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap in use just after a full collection, as the collector itself reports it at the end of the pause.
 * Reading the heap after {@code System.gc()} returns is not enough: the FX and render threads allocate hundreds
 * of MiB a second while the window is fed, so the figure would be mostly young garbage.
 */
final class LiveHeap {
    private static final String SYSTEM_GC = "System.gc()";

    private LiveHeap() {}

    /**
     * Asks for full collections until {@code collections} of them have reported (a request that another collection
     * overtook does not run), and returns the heap in use after the last.
     */
    static long afterFullCollections(int collections) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        BlockingQueue<Long> reported = new LinkedBlockingQueue<>();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                if (SYSTEM_GC.equals(info.getGcCause())) {
                    reported.add(info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum());
                }
            }
        };
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        collectors.forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
        try {
            long last = -1;
            int seen = 0;
            for (int asked = 0; seen < collections && asked < 4 * collections; asked++) {
                System.gc();
                // The report follows the pause on the JVM's service thread, within milliseconds.
                Long used = reported.poll(500, TimeUnit.MILLISECONDS);
                if (used != null) {
                    last = used;
                    seen++;
                }
            }
            if (last < 0) {
                throw new IllegalStateException("The collector reported no System.gc() collection: is "
                        + "-XX:+DisableExplicitGC set?");
            }
            return last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            for (GarbageCollectorMXBean gc : collectors) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException gone) {
                    // nothing to remove
                }
            }
        }
    }
}
