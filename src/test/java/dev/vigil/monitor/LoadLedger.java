package dev.vigil.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load's own account of what it committed, over time: a rate reading is judged against what the load did in
 * the same stretch, not against the rate it was asked for (on a saturated machine pgbench -R falls behind, and a
 * right reading of a slower load is still right).
 */
final class LoadLedger {
    /** With {@code --progress-timestamp} each line starts with the Unix time its second ended at. */
    private static final Pattern PROGRESS = Pattern.compile("^progress: ([0-9.]+) s, ([0-9.]+) tps");

    private record Entry(Instant at, double committed) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /**
     * A ledger fed by pgbench's {@code -P 1 --progress-timestamp} lines on its stderr: each says the transactions
     * of the second that ended at its timestamp. The timestamp, not the time the line arrives, places it: on a
     * saturated machine the lines arrive seconds late.
     */
    static LoadLedger ofPgbenchProgress(InputStream stderr) {
        LoadLedger ledger = new LoadLedger();
        Thread reader = new Thread(() -> {
            double total = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = PROGRESS.matcher(line);
                    if (m.find()) {
                        Instant end = Instant.ofEpochMilli(Math.round(Double.parseDouble(m.group(1)) * 1000));
                        if (ledger.entries.isEmpty()) {
                            ledger.entries.add(new Entry(end.minusSeconds(1), 0));
                        }
                        total += Double.parseDouble(m.group(2));
                        ledger.entries.add(new Entry(end, total));
                    }
                }
            } catch (IOException e) {
                // pgbench was stopped: the ledger keeps what it saw
            }
        }, "pgbench-progress");
        reader.setDaemon(true);
        reader.start();
        return ledger;
    }

    /** Records a counter the load keeps itself (the lab Workload's committed transactions), as of now. */
    void record(LongSupplier committed) {
        record(committed.getAsLong());
    }

    private void record(double committed) {
        entries.add(new Entry(Instant.now(), committed));
    }

    /** The load's own rate between two instants, interpolated between its entries; empty if not covered. */
    Optional<Double> rate(Instant from, Instant to) {
        Optional<Double> a = committedAt(from);
        Optional<Double> b = committedAt(to);
        double seconds = (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
        return a.isEmpty() || b.isEmpty() || seconds <= 0 ? Optional.empty()
                : Optional.of((b.get() - a.get()) / seconds);
    }

    private Optional<Double> committedAt(Instant at) {
        Entry before = null;
        for (Entry e : entries) {
            if (!e.at().isAfter(at)) {
                before = e;
            } else if (before != null) {
                double span = e.at().toEpochMilli() - before.at().toEpochMilli();
                double part = span <= 0 ? 0 : (at.toEpochMilli() - before.at().toEpochMilli()) / span;
                return Optional.of(before.committed() + part * (e.committed() - before.committed()));
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
