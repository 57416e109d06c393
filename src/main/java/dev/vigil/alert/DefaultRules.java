package dev.vigil.alert;

import dev.vigil.cluster.ConnectionFailure;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.locks.BlockingTree;
import dev.vigil.locks.InFlightMigration;
import dev.vigil.locks.InFlightMigrations;
import dev.vigil.locks.RootBlocker;
import dev.vigil.locks.WaitEdge;
import dev.vigil.locks.WaitForGraph;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.health.HealthFinding;
import dev.vigil.monitor.health.HealthFindings;
import dev.vigil.monitor.replication.SlotState;
import dev.vigil.monitor.replication.StandbyLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The rules every cluster gets, with thresholds from {@link AlertThresholds}. */
public final class DefaultRules {
    private DefaultRules() {}

    public static List<AlertRule> all(AlertThresholds t) {
        return List.of(
                rule("node-down", o -> o.nodes().stream()
                        .filter(n -> n.status().reachability() == NodeStatus.Reachability.DOWN)
                        .map(n -> finding("node-down", Severity.CRITICAL, n.node(), "", "node " + n.node()
                                + " (" + n.status().address() + ") is " + ConnectionFailure.notUp(n.status().error()), Map.of("error", n.status().error())))
                        .toList()),
                rule("two-primaries", o -> o.status().splitBrain()
                        ? List.of(finding("two-primaries", Severity.CRITICAL, "", "", "split-brain: "
                                + names(o) + " all accept writes", Map.of("primaries", names(o))))
                        : List.of()),
                rule("no-primary", DefaultRules::noPrimary),
                rule("standby-streams-from-nobody", DefaultRules::streamsFromNobody),
                rule("standby-not-streaming", o -> o.nodes().stream()
                        .filter(n -> n.status().isUp() && n.status().inRecovery()
                                && !n.status().receiverState().map("streaming"::equals).orElse(false))
                        .map(n -> finding("standby-not-streaming", Severity.CRITICAL, n.node(), "", "standby "
                                + n.node() + " is not streaming (" + n.status().receiverState().orElse("no WAL receiver")
                                + ")", Map.of("receiver", n.status().receiverState().orElse("none"))))
                        .toList()),
                rule("replication-lag", o -> replicationLag(o, t)),
                rule("slot-retention", o -> slots(o, t)),
                rule("blocked-sessions", o -> blocked(o, t)),
                rule("migration-in-flight", DefaultRules::migrations),
                rule("long-transaction", o -> sessions(o, "long-transaction", s -> s.isClientBackend()
                        ? s.transactionAge().filter(a -> a.compareTo(t.longTransaction()) > 0) : Optional.empty(),
                        "open for")),
                rule("idle-in-transaction", o -> sessions(o, "idle-in-transaction", s -> s.isIdleInTransaction()
                        ? s.stateChange().map(c -> Duration.between(c, s.serverNow()))
                                .filter(a -> a.compareTo(t.idleInTransaction()) > 0) : Optional.empty(),
                        "idle in transaction for")),
                rule("connections", o -> o.nodes().stream().flatMap(n -> o.database(n).stream()
                        .filter(d -> d.connectionUse() > t.connectionUse())
                        .map(d -> finding("connections", Severity.WARNING, n.node(), "", String.format(Locale.ROOT,
                                "%s uses %d of %d connections", n.node(), d.connections(), d.maxConnections()),
                                Map.of("connections", d.connections() + "/" + d.maxConnections())))).toList()),
                rule("rollback-spike", o -> o.nodes().stream().flatMap(n -> o.databaseRates(n).stream()
                        .filter(r -> r.rollbacksPerSecond() >= t.rollbacksPerSecond()
                                && r.rollbacksPerSecond() >= t.rollbackShare() * r.transactionsPerSecond())
                        .map(r -> finding("rollback-spike", Severity.WARNING, n.node(), "", String.format(Locale.ROOT,
                                "%s rolls back %.1f of %.1f transactions per second", n.node(), r.rollbacksPerSecond(),
                                r.transactionsPerSecond()), Map.of("rollbacks_per_s",
                                String.format(Locale.ROOT, "%.1f", r.rollbacksPerSecond()))))).toList()),
                rule("cache-hit-drop", o -> o.nodes().stream().flatMap(n -> o.databaseRates(n).stream()
                        .filter(r -> r.blocksReadPerSecond() >= t.cacheReadsPerSecond()
                                && r.cacheHitRatio().map(h -> h < t.cacheHitRatio()).orElse(false))
                        .map(r -> finding("cache-hit-drop", Severity.WARNING, n.node(), "", String.format(Locale.ROOT,
                                "%s cache hit ratio %.1f%% with %.0f blocks read per second", n.node(),
                                r.cacheHitRatio().orElse(0.0) * 100, r.blocksReadPerSecond()), Map.of()))).toList()),
                rule("wraparound", o -> wraparound(o, t)),
                rule("checkpoints-requested", o -> checkpoints(o, t)));
    }

    /**
     * A database far enough towards transaction-id or multixact wraparound. Ages replicate, so only the primary
     * (or, with none up, the first node that answers) raises it: one alert per database, not one per node.
     */
    private static List<Finding> wraparound(Observation o, AlertThresholds t) {
        return o.nodes().stream().filter(n -> n.status().isUp()).sorted(java.util.Comparator.comparing(
                        (NodeSample n) -> n.status().role() != NodeStatus.Role.PRIMARY))
                .flatMap(n -> o.health(n).wraparound().stream().map(w -> Map.entry(n, w))).limit(1)
                .flatMap(e -> HealthFindings.wraparound(e.getValue(), t.health()).stream().map(h -> finding(
                        "wraparound", h.level() == HealthFinding.Level.CRITICAL ? Severity.CRITICAL : Severity.WARNING,
                        e.getKey().node(), h.subject(), h.evidence(), Map.of("fix", h.fixSql().orElse("")))))
                .toList();
    }

    /** Requested checkpoints outnumbering timed ones over the last hour: max_wal_size is too small for the load. */
    private static List<Finding> checkpoints(Observation o, AlertThresholds t) {
        return o.nodes().stream().flatMap(n -> o.health(n).checkpoints().flatMap(c -> HealthFindings.checkpoints(c,
                        t.health())).stream().map(h -> finding("checkpoints-requested", Severity.WARNING, n.node(), "",
                        h.evidence(), Map.of("fix", h.fixSql().orElse(""))))).toList();
    }

    /**
     * No reachable node accepts writes. Not while any node is still connecting, or a node that was the primary
     * is only late (its answer may still come): a loaded primary is not a lost one. A primary that died is
     * down at its next tick (its connection breaks and the new connect is refused), so this is raised then.
     */
    private static List<Finding> noPrimary(Observation o) {
        if (!o.status().primaryLost()) {
            return List.of();
        }
        List<NodeStatus> nodes = o.status().nodes();
        String down = nodes.stream().filter(NodeStatus::isDown).map(NodeStatus::node).toList().toString();
        String standbys = nodes.stream().filter(n -> n.lastKnownRole() == NodeStatus.Role.STANDBY)
                .map(NodeStatus::node).toList().toString();
        return List.of(finding("no-primary", Severity.CRITICAL, "", "", "no primary: no reachable node accepts writes"
                + " (down " + down + ", standbys " + standbys + "). Promote a standby (vigil failover) or bring "
                + "the primary back", Map.of("down", down, "standbys", standbys)));
    }

    /**
     * A standby whose WAL receiver names an upstream that is down: it streams from nobody, whatever its receiver
     * still says (it notices a dead sender only at its next read, or at wal_receiver_timeout).
     */
    private static List<Finding> streamsFromNobody(Observation o) {
        List<Finding> findings = new ArrayList<>();
        for (NodeSample n : o.nodes()) {
            NodeStatus s = n.status();
            if (!s.isUp() || !s.inRecovery()) {
                continue;
            }
            o.status().downUpstreamOf(s).ifPresent(u -> findings.add(finding("standby-streams-from-nobody", Severity.CRITICAL, n.node(), "",
                            "standby " + n.node() + " streams from nobody: its upstream " + u.node() + " is down"
                                    + s.receiverState().map(r -> " (its WAL receiver still says " + r + ")").orElse(""),
                            Map.of("upstream", u.node(), "receiver", s.receiverState().orElse("none")))));
        }
        return findings;
    }

    private static List<Finding> replicationLag(Observation o, AlertThresholds t) {
        List<Finding> findings = new ArrayList<>();
        for (NodeSample upstream : o.nodes()) {
            for (StandbyLink link : o.replication(upstream).map(r -> r.downstream()).orElse(List.of())) {
                double seconds = link.effectiveReplayLagSeconds().orElse(0.0);
                if (link.replayLagBytes() > t.replicationLagBytes() || seconds > t.replicationLagSeconds()) {
                    findings.add(finding("replication-lag", Severity.WARNING, link.applicationName(), "", String.format(
                            Locale.ROOT, "standby %s replays %d bytes / %.1f s behind %s", link.applicationName(),
                            link.replayLagBytes(), seconds, upstream.node()), Map.of("replay_lag_bytes",
                            Long.toString(link.replayLagBytes()), "replay_lag_seconds",
                            String.format(Locale.ROOT, "%.1f", seconds), "upstream", upstream.node())));
                }
            }
        }
        // A standby replaying behind what it received (paused, or replay stuck) while its upstream sends nothing.
        for (NodeSample standby : o.nodes()) {
            o.replication(standby).flatMap(r -> r.receiver()).ifPresent(rc -> {
                double delay = rc.replayDelaySeconds().orElse(0.0);
                long backlog = rc.replayBacklogBytes().orElse(0L);
                boolean known = findings.stream().anyMatch(f -> f.node().equals(standby.node()));
                if (!known && (delay > t.replicationLagSeconds() || backlog > t.replicationLagBytes())) {
                    findings.add(finding("replication-lag", Severity.WARNING, standby.node(), "", String.format(
                            Locale.ROOT, "standby %s replay is %.1f s / %d bytes behind what it received%s",
                            standby.node(), delay, backlog, rc.replayPaused() ? " (replay paused)" : ""),
                            Map.of("replay_delay_seconds", String.format(Locale.ROOT, "%.1f", delay),
                                    "replay_backlog_bytes", Long.toString(backlog),
                                    "replay_paused", Boolean.toString(rc.replayPaused()))));
                }
            });
        }
        return findings;
    }

    private static List<Finding> slots(Observation o, AlertThresholds t) {
        List<Finding> findings = new ArrayList<>();
        for (NodeSample n : o.nodes()) {
            for (SlotState slot : o.replication(n).map(r -> r.slots()).orElse(List.of())) {
                long retained = slot.retainedBytes().orElse(0L);
                if (slot.atRisk() || retained > t.slotRetainedBytes()) {
                    findings.add(finding("slot-retention", slot.atRisk() ? Severity.CRITICAL : Severity.WARNING,
                            n.node(), slot.name(), "slot " + slot.name() + " on " + n.node() + " retains " + retained
                                    + " bytes of WAL, wal_status " + slot.walStatus() + (slot.active() ? "" : ", inactive"),
                            Map.of("retained_bytes", Long.toString(retained), "wal_status", slot.walStatus(),
                                    "active", Boolean.toString(slot.active()))));
                }
            }
        }
        return findings;
    }

    private static List<Finding> blocked(Observation o, AlertThresholds t) {
        List<Finding> findings = new ArrayList<>();
        for (NodeSample n : o.nodes()) {
            o.locks(n).filter(l -> l.waitingCount() > 0).ifPresent(locks -> {
                WaitForGraph graph = WaitForGraph.of(locks);
                Duration longest = graph.edges().stream().map(WaitEdge::waited).flatMap(Optional::stream)
                        .max(Duration::compareTo).orElse(Duration.ZERO);
                if (locks.waitingCount() >= t.blockedSessions() || longest.compareTo(t.blockedWait()) >= 0) {
                    String roots = graph.rootBlockerDetails().stream().map(RootBlocker::describe)
                            .reduce((a, b) -> a + "; " + b).orElse("none (a cycle)");
                    findings.add(finding("blocked-sessions", Severity.WARNING, n.node(), "", String.format(Locale.ROOT,
                            "%d sessions blocked on %s, longest %.1f s; root blockers: %s", locks.waitingCount(),
                            n.node(), longest.toMillis() / 1000.0, roots), Map.of("blocked",
                            Long.toString(locks.waitingCount()), "longest_wait_seconds",
                            String.format(Locale.ROOT, "%.1f", longest.toMillis() / 1000.0), "root_blockers",
                            graph.trees().stream().map(BlockingTree::root).map(String::valueOf).toList().toString())));
                }
            });
        }
        return findings;
    }

    /**
     * The incident moment: a session that waits on nobody and holds a table lock a migration takes, with sessions
     * piling up behind it (never a waiter: stopping one would not free the chain). Critical at once: every second of it is an outage for the table's users.
     */
    private static List<Finding> migrations(Observation o) {
        List<Finding> findings = new ArrayList<>();
        for (NodeSample n : o.nodes()) {
            o.locks(n).filter(l -> l.waitingCount() > 0).ifPresent(locks -> {
                for (InFlightMigration m : InFlightMigrations.find(WaitForGraph.of(locks))) {
                    findings.add(finding("migration-in-flight", Severity.CRITICAL, n.node(), Integer.toString(m.pid()),
                            "migration in flight on " + n.node() + "? " + m.describe() + ". Stop it safely from the "
                                    + "Locks view.", Map.of("pid", Integer.toString(m.pid()), "lock", m.lock(),
                                    "blocked", Integer.toString(m.blocked()), "ddl", Boolean.toString(m.ddl()),
                                    "tool", m.tool().orElse(""), "query", m.query())));
                }
            });
        }
        return findings;
    }

    /** One finding per node for the worst session over the threshold, so ten long transactions are one alert. */
    private static List<Finding> sessions(Observation o, String id, Function<SessionActivity, Optional<Duration>> age,
                                          String what) {
        List<Finding> findings = new ArrayList<>();
        for (NodeSample n : o.nodes()) {
            o.activity(n).ifPresent(a -> a.sessions().stream()
                    .flatMap(s -> age.apply(s).map(d -> Map.entry(s, d)).stream())
                    .max(Map.Entry.comparingByValue()).ifPresent(worst -> findings.add(finding(id, Severity.WARNING,
                            n.node(), "", String.format(Locale.ROOT, "pid %d (%s, %s) %s %.0f s", worst.getKey().pid(),
                                    worst.getKey().user(), worst.getKey().application(), what,
                                    worst.getValue().toMillis() / 1000.0),
                            Map.of("pid", Integer.toString(worst.getKey().pid()), "seconds",
                                    Long.toString(worst.getValue().toSeconds()), "query", worst.getKey().query())))));
        }
        return findings;
    }

    private static String names(Observation o) {
        return o.status().primaries().stream().map(NodeStatus::node).toList().toString();
    }

    private static Finding finding(String rule, Severity severity, String node, String key, String message,
                                   Map<String, String> evidence) {
        return new Finding(rule, severity, node, key, message, evidence);
    }

    private static AlertRule rule(String id, Function<Observation, List<Finding>> evaluate) {
        return new AlertRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Finding> evaluate(Observation observation) {
                return evaluate.apply(observation);
            }
        };
    }
}
