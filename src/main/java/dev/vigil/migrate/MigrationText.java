package dev.vigil.migrate;

import java.time.Duration;
import java.util.List;

/** Small wording helpers shared by the migration workflows. */
final class MigrationText {
    private MigrationText() {}

    /** "2 s", "500 ms", "1.5 s" */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** "1", "1 and 2", "1, 2 and 3" */
    static String and(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Numbers as a DBA reads them in a report: 10 412 → "10,412". */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
