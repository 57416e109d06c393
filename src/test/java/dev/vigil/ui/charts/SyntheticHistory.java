package dev.vigil.ui.charts;

import dev.vigil.monitor.history.Series;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * An hour of one-second samples of a busy primary with two standbys, with the episodes a DBA would look for: a
 * batch-job commit spike at 25 min, a cold-cache dip in the hit ratio at 20 min, a lock pile-up from 40 to 44 min
 * (sessions waiting on Lock, commits falling, rollbacks from lock timeouts, idle-in-transaction blocker), standby
 * pg2 restarting at 30 min (a one-minute hole), and pg3's replay paused from 45 min, 1.6 GiB behind at 55 min, then
 * catching up. Seeded, so every run draws the same picture.
 */
final class SyntheticHistory {
    static final int SECONDS = 3600;
    static final Instant START = Instant.parse("2025-03-14T13:00:00Z");
    static final double COMMIT_SPIKE = 1400;
    static final int LOCK_PEAK = 24;
    static final double PG3_PEAK_BYTES = 1.6 * 1024 * 1024 * 1024;

    final Map<String, Series> tps = new LinkedHashMap<>();
    final Map<String, Series> sessions = new LinkedHashMap<>();
    final Map<String, Series> waits = new LinkedHashMap<>();
    final Series hitRatio = new Series(SECONDS);
    final Map<String, Series> lagBytes = new LinkedHashMap<>();
    final Map<String, Series> lagSeconds = new LinkedHashMap<>();
    private final Random random = new Random(42);
    private int second;

    SyntheticHistory() {
        for (int s = 0; s < SECONDS; s++) {
            tick();
        }
    }

    /** The newest sample's time: where the charts' window ends. */
    Instant end() {
        return START.plusSeconds(second - 1L);
    }

    /** Adds one more second, so a chart can be fed like a live one. */
    void tick() {
        int t = second++;
        long at = START.plusSeconds(t).toEpochMilli();
        boolean locked = t >= 2400 && t < 2640;
        double lockLoad = locked ? LOCK_PEAK * Math.min(1, Math.min(t - 2400, 2640 - t) / 60.0) : 0;

        double commits = 320 + 40 * Math.sin(2 * Math.PI * t / 900) + 15 * random.nextGaussian();
        if (t >= 1500 && t < 1506) {
            commits = COMMIT_SPIKE - 30 * (t - 1500);
        }
        if (locked) {
            commits *= 1 - 0.55 * lockLoad / LOCK_PEAK;
        }
        double rollbacks = Math.abs(2 + 1.5 * random.nextGaussian()) + (locked && t % 30 == 5 ? 35 : 0);
        add(tps, "commit", at, Math.max(0, commits));
        add(tps, "rollback", at, rollbacks);

        int cpu = poisson(2.6);
        int io = poisson(0.8);
        int lwlock = poisson(locked ? 1.2 : 0.25);
        int client = poisson(0.5);
        int ipc = poisson(0.15);
        int timeout = poisson(0.08);
        add(waits, "CPU", at, cpu);
        add(waits, "IO", at, io);
        add(waits, "LWLock", at, lwlock);
        add(waits, "Client", at, client);
        add(waits, "IPC", at, ipc);
        add(waits, "Timeout", at, timeout);
        if (t >= 2400) { // the first Lock wait of the hour: from then on the history has a Lock series
            add(waits, "Lock", at, Math.round(lockLoad));
        }
        int active = cpu + io + lwlock + client + ipc + timeout + (int) Math.round(lockLoad);
        int idleInTransaction = poisson(2) + (locked ? 4 : 0);
        add(sessions, "connections", at, 38 + active + idleInTransaction + poisson(1));
        add(sessions, "active", at, active);
        add(sessions, "idle in transaction", at, idleInTransaction);

        double ratio = 0.9955 + 0.0015 * random.nextGaussian();
        if (t >= 1200 && t < 1320) {
            ratio -= 0.055 * Math.sin(Math.PI * (t - 1200) / 120);
        }
        hitRatio.add(at, Math.min(1, ratio));

        if (t < 1800 || t >= 1860) { // pg2 restarted: no samples for a minute
            add(lagBytes, "pg2", at, 8192 + 24_000 * Math.abs(random.nextGaussian()));
            add(lagSeconds, "pg2", at, Math.abs(0.02 * random.nextGaussian()));
        }
        double pg3Bytes;
        double pg3Seconds;
        if (t < 2700) {
            pg3Bytes = 12_000 * Math.abs(random.nextGaussian());
            pg3Seconds = Math.abs(0.03 * random.nextGaussian());
        } else if (t < 3300) {
            pg3Bytes = PG3_PEAK_BYTES * (t - 2700) / 600.0;
            pg3Seconds = t - 2700;
        } else {
            double left = Math.max(0, 1 - (t - 3300) / 200.0);
            pg3Bytes = PG3_PEAK_BYTES * left;
            pg3Seconds = 600 * left;
        }
        add(lagBytes, "pg3", at, pg3Bytes);
        add(lagSeconds, "pg3", at, pg3Seconds);
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static void add(Map<String, Series> map, String name, long at, double value) {
        map.computeIfAbsent(name, n -> new Series(SECONDS)).add(at, value);
    }

    static Map<String, Series.Points> points(Map<String, Series> series) {
        Map<String, Series.Points> out = new LinkedHashMap<>();
        series.forEach((name, s) -> out.put(name, s.points()));
        return out;
    }
}
