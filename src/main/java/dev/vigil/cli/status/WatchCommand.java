package dev.vigil.cli.status;

import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertThresholds;
import dev.vigil.alert.ClusterAlerts;
import dev.vigil.alert.DefaultRules;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.journal.Journal;
import dev.vigil.lab.host.Waits;
import dev.vigil.monitor.ClusterMonitor;
import dev.vigil.monitor.DefaultCollectors;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.replication.ReplicationSnapshot;
import dev.vigil.monitor.seen.SeenWrites;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print one compact line per cluster each second, and alerts as they are raised and cleared "
                + "(also written to the journal), until Ctrl-C or --count rounds.")
public final class WatchCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    @Spec
    CommandSpec spec;
    @Mixin
    WatchOptions watch;
    @Option(names = "--count", paramLabel = "N", description = "Stop after N rounds (default: run until Ctrl-C).")
    int count = Integer.MAX_VALUE;
    @Option(names = "--journal", paramLabel = "FILE", description = "Where alerts are journaled (default: ${DEFAULT-VALUE}).")
    Path journalFile = Journal.defaultPath();
    @Option(names = "--quiet", description = "Print alerts only, no line per round: a monitor kept running so that "
            + "a failover has the last WAL position each primary was seen to write (recorded beside the journal).")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (WatchedClusters watched = new WatchedClusters(watch.config, watch.cluster, DefaultCollectors.all(),
                watch.askPassword, s -> watch.tune(s, spec.commandLine()));
             Journal journal = Journal.open(journalFile)) {
            boolean badConfiguration = watched.reportConfigurationErrors(spec.commandLine().getErr(), "vigil watch");
            if (watched.monitors.isEmpty()) {
                if (badConfiguration) {
                    return WatchedClusters.CONFIGURATION_PROBLEMS;
                }
                spec.commandLine().getErr().println("vigil watch: no cluster to watch.");
                return 2;
            }
            for (ClusterMonitor m : watched.monitors) {
                ClusterAlerts alerts = new ClusterAlerts(m,
                        DefaultRules.all(AlertThresholds.defaults().with(watched.inventory.alertOverrides())), journal);
                alerts.subscribe(e -> {
                    // A node that is down: what happened and what to do, on its alert's line.
                    String error = e.kind() == AlertEvent.Kind.RAISED ? e.finding().evidence().getOrDefault("error", "") : "";
                    synchronized (out) {
                        out.printf("%s %s %s [%s%s] %s%s%n", LocalTime.now().format(TIME),
                                e.kind() == AlertEvent.Kind.RAISED ? "ALERT" : "clear", e.finding().rule(), e.cluster(),
                                e.finding().node().isEmpty() ? "" : "/" + e.finding().node(), e.finding().message(),
                                error.isEmpty() ? "" : " · " + error);
                        out.flush();
                    }
                });
                alerts.start();
            }
            watched.recordSeenWrites(SeenWrites.besideJournal(journal.file()), "vigil watch");
            watched.start();
            Waits.within(Duration.ofSeconds(5), watched::everyNodeSettled);
            for (int round = 0; round < count; round++) {
                synchronized (out) {
                    for (ClusterMonitor m : quiet ? java.util.List.<ClusterMonitor>of() : watched.monitors) {
                        out.println(line(m, watched.lastTwo(m.cluster().name()), watch.includeSelf));
                    }
                    out.flush();
                }
                if (round + 1 < count) {
                    pace(watched.monitors.get(0).cluster().interval());
                }
            }
            return badConfiguration ? WatchedClusters.CONFIGURATION_PROBLEMS : 0;
        }
    }

    /** One line per interval: pacing output for a person, not waiting for a result. */
    private static void pace(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A node's values: rates over its window, activity, blocked sessions, and its receiver if a standby. */
    private static String values(NodeSample now, boolean includeSelf) {
        StringBuilder b = new StringBuilder();
        StatusReport.rates(now, includeSelf).ifPresent(r -> b.append(String.format(Locale.ROOT,
                " tps(%ss)=%.0f", r.windowLabel().replace(" s avg", ""), r.transactionsPerSecond())));
        StatusReport.value(now, StatusReport.ACTIVITY).map(a -> a.visible(includeSelf))
                .ifPresent(a -> b.append(" act=").append(a.waitProfile().active())
                .append(StatusText.profile(a.waitProfile().activeByWaitClass())));
        StatusReport.value(now, StatusReport.LOCKS).map(LockSnapshot::waitingCount).filter(w -> w > 0)
                .ifPresent(w -> b.append(" blocked=").append(w));
        StatusReport.value(now, StatusReport.REPLICATION).flatMap(ReplicationSnapshot::receiver)
                .ifPresent(r -> b.append(receiver(r)));
        return b.toString();
    }

    /**
     * A streaming standby's lag; a standby that is not streaming says so, never "0 B". Replay can be a hair
     * ahead of the clock (a commit stamped by the primary's clock), which is no lag, not "-0.0s".
     */
    static String receiver(dev.vigil.monitor.replication.ReceiverState r) {
        if (!r.isStreaming()) {
            return " NOT-STREAMING(" + r.status().orElse("no WAL receiver") + ")" + (r.replayPaused() ? " PAUSED" : "");
        }
        return " lag=" + r.replayBacklogBytes().map(b -> b + "B").orElse("?") + "/"
                + r.replayDelaySeconds().map(d -> String.format(Locale.ROOT, "%.1fs", Math.max(0.0, d))).orElse("?")
                + (r.replayPaused() ? " PAUSED" : "");
    }

    /** Rates over each node's window, labelled with it ({@code tps(5s)=398}); Vigil itself left out unless asked. */
    public static String line(ClusterMonitor monitor, Map<String, NodeSample[]> lastTwo, boolean includeSelf) {
        java.time.Instant now = java.time.Instant.now();
        String nodes = monitor.cluster().nodes().stream().map(endpoint -> {
            NodeSample[] pair = lastTwo.get(endpoint.name());
            if (pair == null) {
                return endpoint.name() + " ?";
            }
            NodeStatus s = pair[1].status();
            String age = s.lastGoodAge(now).map(a -> String.format(Locale.ROOT, " last good %.1fs ago",
                    a.toMillis() / 1000.0)).orElse("");
            String kind = dev.vigil.cluster.ConnectionFailure.kindOf(s.error()).map(k -> k.label()).orElse("");
            return switch (s.reachability()) {
                case DOWN -> endpoint.name() + " DOWN" + (kind.isEmpty() ? "" : " (" + kind + ")") + age;
                case CONNECTING -> endpoint.name() + " connecting" + (kind.isEmpty() ? "" : " (" + kind + ")");
                // Late: the last values, bracketed as old, with their age; never as if live.
                case LATE -> endpoint.name() + " LATE" + age + " [was " + (s.lastKnownRole() == NodeStatus.Role.PRIMARY
                        ? "P" : "S") + values(pair[1], includeSelf) + "]";
                case UP -> endpoint.name() + (s.role() == NodeStatus.Role.PRIMARY ? " P" : " S") + values(pair[1], includeSelf);
            };
        }).collect(Collectors.joining(" | "));
        var status = monitor.sample().status();
        return LocalTime.now().format(TIME) + " " + monitor.cluster().name() + (status.splitBrain() ? " SPLIT-BRAIN" : "")
                + (status.primaryLost() ? " NO-PRIMARY" : "")
                + "  " + nodes;
    }
}
