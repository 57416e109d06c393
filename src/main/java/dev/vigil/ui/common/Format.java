package dev.vigil.ui.common;

import java.time.Duration;
import java.util.Locale;

/** How numbers read in the window: bytes in binary units, ages and durations short. */
public final class Format {
    private Format() {}

    /** "Cancelled by the operator" from "cancelled by the operator": a phrase made to start a sentence. */
    public static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String bytes(long bytes) {
        return dev.vigil.monitor.ByteSize.of(bytes);
    }

    public static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 1) {
            return d.toMillis() + " ms";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        if (seconds < 86_400) {
            return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
        }
        return (seconds / 86_400) + " d " + (seconds % 86_400 / 3600) + " h";
    }

    /** Why a collector's metric is missing on a node, with its fix: what a view shows instead of data. */
    public static String metricProblem(dev.vigil.monitor.NodeSample sample, String collector) {
        dev.vigil.monitor.Metric<?> m = sample.metrics().get(collector);
        if (m instanceof dev.vigil.monitor.Metric.Unavailable<?> u) {
            return u.reason() + (u.fix().isEmpty() ? "" : " Fix: " + u.fix());
        }
        return "waiting for the first sample.";
    }

    /** A short age: "4.2 s", "3 min 5 s"; empty when unknown. */
    public static String age(java.util.Optional<Duration> d) {
        return d.map(x -> duration(x.isNegative() ? Duration.ZERO : x.withNanos(x.getNano() / 100_000_000 * 100_000_000)))
                .orElse("");
    }

    private static final java.time.format.DateTimeFormatter CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    /** A wall-clock time in the operator's zone. */
    public static String clock(java.time.Instant at) {
        return CLOCK.format(at);
    }

    /** A query on one line, whitespace collapsed, cut at 300 characters: for table cells and lists. */
    public static String oneLine(String query) {
        String flat = query.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
