package dev.vigil.ui.locks;

import dev.vigil.monitor.lockwaits.LockSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** What a session's box says: pid, who, what state, and how long (its wait, or a root's transaction age). */
record LockGraphCard(String pid, String who, String state, String time, Kind kind) {

    enum Kind { ACTIVE, WAITING, IDLE_IN_TRANSACTION, ABORTED, IDLE, GONE }

    static LockGraphCard of(int pid, Optional<LockSession> session, Optional<Duration> waited, Instant at) {
        if (session.isEmpty()) {
            // pg_blocking_pids() named it, but it had ended by the time its row was read.
            return new LockGraphCard("pid " + pid, "session ended", "gone", "", Kind.GONE);
        }
        LockSession s = session.get();
        String who = s.application().isBlank() ? s.user() : s.user() + "@" + s.application();
        if (s.isWaiting()) {
            String event = s.waitEvent().isBlank() ? "lock" : s.waitEvent();
            return new LockGraphCard("pid " + pid, who, "waiting · " + event,
                    waited.map(d -> "waits " + compact(d)).orElse(""), Kind.WAITING);
        }
        String time = s.transactionStart().map(start -> Duration.between(start, at)).filter(d -> !d.isNegative())
                .map(d -> "xact " + compact(d)).orElse("");
        return new LockGraphCard("pid " + pid, who, s.state().isBlank() ? "unknown state" : s.state(), time,
                kindOf(s.state()));
    }

    /** A duration short enough to share a box's first line with the pid: "850 ms", "4.2 s", "30m 04s", "2h 05m". */
    static String compact(Duration d) {
        long ms = d.toMillis();
        long s = d.toSeconds();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (s < 10) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s % 86_400 / 3600);
    }

    private static Kind kindOf(String state) {
        return switch (state) {
            case "active", "fastpath function call" -> Kind.ACTIVE;
            case "idle in transaction" -> Kind.IDLE_IN_TRANSACTION;
            case "idle in transaction (aborted)" -> Kind.ABORTED;
            default -> Kind.IDLE;
        };
    }
}
