package dev.vigil.cli.status;

import dev.vigil.monitor.replication.ReplicationSnapshot;
import dev.vigil.monitor.replication.SlotState;
import dev.vigil.monitor.replication.StandbyLink;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** `vigil status` as text: one block per cluster, a few lines per node, problems last. */
final class StatusText {
    private StatusText() {}

    static void print(PrintWriter out, StatusReport report) {
        for (StatusReport.ClusterReport c : report.clusters()) {
            out.printf("cluster %s: %s, %d/%d nodes up%s%n", c.name(),
                    c.primary().map(p -> "primary " + p).orElse("NO PRIMARY"), c.reachable(), c.nodes().size(),
                    c.splitBrain() ? "  ** SPLIT-BRAIN: more than one node accepts writes **" : "");
            for (StatusReport.NodeReport n : c.nodes()) {
                node(out, n);
            }
        }
        report.inventoryProblems().forEach(p -> out.println("inventory: " + p));
        report.waitingFor().forEach(w -> out.println("still waiting for " + w));
    }

    private static void node(PrintWriter out, StatusReport.NodeReport n) {
        if (!"up".equals(n.state())) {
            out.printf("  %-8s %-8s %s  %s%s%n", n.name(), n.state().toUpperCase(Locale.ROOT), n.address(), n.error(),
                    n.lastGoodAgeSeconds().map(a -> String.format(Locale.ROOT, " (last good sample %.1f s ago)", a))
                            .orElse(""));
            return;
        }
        out.printf("  %-8s %-8s %s  PG %s  timeline %s%s%n", n.name(), n.role(), n.address(), n.version(),
                n.timeline().map(String::valueOf).orElse("?"), n.upstream().map(u -> "  upstream " + u).orElse(""));
        n.database().ifPresent(d -> out.printf(Locale.ROOT,
                "           tx/s %.1f (%s; rollback %.1f/s)%s  cache hit %s  connections %s/%s%n",
                d.transactionsPerSecond(), d.windowLabel(), d.rollbacksPerSecond(),
                d.ownTransactionsPerSecond() > 0 ? String.format(Locale.ROOT, "  Vigil's own %.1f/s left out",
                        d.ownTransactionsPerSecond()) : "",
                d.cacheHitRatio().map(h -> String.format(Locale.ROOT, "%.1f%%", h * 100)).orElse("-"),
                n.connections().map(String::valueOf).orElse("?"), n.maxConnections().map(String::valueOf).orElse("?")));
        n.activity().ifPresent(a -> out.printf("           sessions %d, active %d%s, idle in transaction %d%s%n",
                a.clientSessions(), a.active(), a.waitProfile().isEmpty() ? "" : " " + profile(a.waitProfile()),
                a.idleInTransaction(),
                a.longestTransactionSeconds().map(s -> String.format(Locale.ROOT, ", longest transaction %.1f s", s))
                        .orElse("")));
        n.replication().ifPresent(r -> replication(out, r));
        n.locks().ifPresent(l -> {
            if (l.waiting() == 0) {
                return;
            }
            out.printf("           locks: %d waiting%s%n", l.waiting(), l.cycles().isEmpty() ? "" : ", CYCLES " + l.cycles());
            l.rootBlockers().forEach(r -> out.printf("             root blocker %s%n", r.description()));
        });
        n.topStatements().forEach(s -> out.printf(Locale.ROOT, "           %8.1f ms/s %7.1f calls/s  %s%n",
                s.totalMillisPerSecond(), s.callsPerSecond(), s.query()));
        n.health().forEach(h -> {
            out.printf("           health %s %s: %s. %s%n", h.level(), h.subject(), h.evidence(), h.advice());
            h.fixSql().ifPresent(sql -> out.printf("             fix (not run): %s%n", sql));
        });
        n.unavailable().forEach((metric, u) -> out.printf("           %s unavailable: %s (%s)%n", metric, u.reason(), u.fix()));
    }

    private static void replication(PrintWriter out, ReplicationSnapshot r) {
        r.receiver().ifPresent(rc -> out.printf(Locale.ROOT, "           receiver %s, replay backlog %s B, delay %s%s%n",
                rc.status().orElse("not running"), rc.replayBacklogBytes().map(String::valueOf).orElse("?"),
                rc.replayDelaySeconds().map(d -> String.format(Locale.ROOT, "%.1f s", Math.max(0.0, d))).orElse("?"),
                rc.replayPaused() ? ", REPLAY PAUSED" : ""));
        for (StandbyLink l : r.downstream()) {
            out.printf(Locale.ROOT, "           standby %s %s %s: lag sent %d B, flush %d B, replay %d B / %s%n",
                    l.applicationName(), l.state(), l.syncState(), l.sentLagBytes(), l.flushLagBytes(),
                    l.replayLagBytes(), l.effectiveReplayLagSeconds().map(s -> String.format(Locale.ROOT, "%.2f s", s))
                            .orElse("?"));
        }
        for (SlotState s : r.slots()) {
            out.printf("           slot %s %s %s: retains %s B, wal_status %s%n", s.name(), s.type(),
                    s.active() ? "active" : "INACTIVE", s.retainedBytes().map(String::valueOf).orElse("?"), s.walStatus());
        }
    }

    static String profile(Map<String, Integer> waitProfile) {
        return waitProfile.isEmpty() ? "" : waitProfile.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" ", "{", "}"));
    }
}
