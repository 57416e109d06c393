package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Plan;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The prechecks of a switchover, each read live so that the re-check after confirmation sees the cluster then. */
final class SwitchoverChecks {
    private final ClusterDefinition cluster;
    private final String candidate;
    private final NodeControl control;
    private final FailoverSettings settings;
    private final LiveReading live;

    SwitchoverChecks(ClusterDefinition cluster, String candidate, NodeControl control, FailoverSettings settings,
                     LiveReading live) {
        this.cluster = cluster;
        this.candidate = candidate;
        this.control = control;
        this.settings = settings;
        this.live = live;
    }

    List<Check> all(Optional<String> primary, List<String> siblings, Plan plan) {
        List<Check> checks = new ArrayList<>();
        checks.add(FailoverChecks.noHaAgent(cluster, live));
        checks.add(onePrimary());
        checks.add(nodeControl(primary, plan));
        checks.add(candidateStreams(primary));
        checks.add(replayNotPaused());
        checks.add(lagWithinThreshold(primary));
        checks.add(timelinesMatch(primary));
        boolean slots = FailoverSteps.createsSlots(plan);
        checks.add(candidateCanServe(primary, siblings, plan));
        if (slots) {
            checks.add(FailoverChecks.slotRoom(cluster, live, candidate, FailoverSteps.slotsCreated(plan)));
        }
        checks.add(noBackup(primary));
        List<FailoverChecks.Needs> needs = new ArrayList<>();
        primary.flatMap(cluster::node).ifPresent(p -> needs.add(new FailoverChecks.Needs(p, false, true, true, false)));
        cluster.node(candidate).ifPresent(c -> needs.add(new FailoverChecks.Needs(c, true, false, false, slots)));
        siblings.forEach(s -> cluster.node(s).ifPresent(n -> needs.add(new FailoverChecks.Needs(n, false, false, true,
                false))));
        checks.add(FailoverChecks.operatorPrivileges(cluster, needs));
        checks.add(longTransactions(primary));
        checks.add(synchronousReplication(primary, siblings, plan));
        return checks;
    }

    private Check onePrimary() {
        String name = "no second primary exists";
        return Check.of(name, context -> {
            ClusterReading r = live.now(context);
            List<String> primaries = r.primaries().stream().map(NodeState::node).toList();
            String unreachable = r.unreachable().isEmpty() ? "" : "; unreachable: "
                    + r.unreachable().stream().map(NodeReading::node).collect(Collectors.joining(", "));
            if (primaries.size() > 1) {
                return CheckResult.fail(name, "two primaries accept writes: " + String.join(" and ", primaries)
                        + unreachable, "Split brain: decide which one holds the data to keep, stop the other at once, "
                        + "then rejoin it. A switchover now would make matters worse.");
            }
            if (primaries.isEmpty()) {
                return CheckResult.fail(name, "no reachable node is a primary" + unreachable,
                        "A switchover needs a healthy primary. If it is down, fail over instead.");
            }
            return CheckResult.pass(name, "exactly one primary: " + primaries.get(0) + unreachable);
        });
    }

    private Check nodeControl(Optional<String> primary, Plan plan) {
        String name = "Vigil can stop and restart the primary";
        return Check.of(name, context -> {
            if (primary.isEmpty()) {
                return CheckResult.fail(name, "no primary to stop", "See 'no second primary exists'.");
            }
            String p = primary.get();
            Optional<String> stop = control.stop(p).map(a -> a.command().text());
            if (stop.isEmpty()) {
                return CheckResult.fail(name, control.describe() + ": no way to stop " + p + " cleanly",
                        "Configure node control for " + cluster.name() + " (control: in clusters.yaml, see "
                                + "docs/configuration.md), or stop " + p + " yourself and fail over.");
            }
            boolean rejoins = StepRoles.planned(plan, StepRoles.REJOIN);
            if (!rejoins) {
                return CheckResult.warn(name, control.describe() + " stops " + p + " with: " + stop.get()
                        + "; it cannot start it again as a standby", p + " will stay stopped, marked 'needs rejoin'. "
                        + "Add make_standby and start commands for it to rejoin automatically.");
            }
            return CheckResult.pass(name, control.describe() + ": stop with " + stop.get() + "; "
                    + control.state(p).evidence());
        });
    }

    private Check candidateStreams(Optional<String> primary) {
        String name = candidate + " streams from the primary";
        return Check.of(name, context -> {
            ClusterReading r = live.now(context);
            Optional<NodeState> c = r.state(candidate);
            if (c.isEmpty()) {
                return CheckResult.fail(name, candidate + " is unreachable: " + r.reading(candidate).map(NodeReading::error)
                        .orElse("not read"), "Choose a reachable standby.");
            }
            if (c.get().primary()) {
                return CheckResult.fail(name, candidate + " is not in recovery: it is a primary already",
                        "Choose a standby as the candidate.");
            }
            String receiver = "WAL receiver " + c.get().receiverStatus().orElse("not running")
                    + c.get().senderHost().map(h -> ", sender " + h + c.get().senderPort().map(p -> ":" + p).orElse("")).orElse("");
            if (primary.isEmpty()) {
                return CheckResult.fail(name, receiver + "; no primary found", "See 'no second primary exists'.");
            }
            Optional<String> upstream = r.upstreamOf(c.get());
            Optional<NodeState> via = upstream.filter(u -> !u.equals(primary.get())).flatMap(r::state)
                    .filter(NodeState::inRecovery);
            if (c.get().streaming() && via.isPresent()) {
                // A cascade is healthy, but the switchover hands over from the primary to a direct standby.
                String direct = String.join(", ", r.standbysOf(primary.get()).stream().map(NodeState::node).toList());
                String sql = cluster.node(primary.get()).flatMap(p -> Conninfo.tryParse(c.get().primaryConninfo())
                        .map(ci -> SetConninfo.sql(ci.pointedAt(p.host(), p.port(), candidate).renderMasked())))
                        .orElse("ALTER SYSTEM SET primary_conninfo = '<" + primary.get() + "''s host and port>'");
                return CheckResult.fail(name, receiver + " (" + upstream.get() + "): " + candidate + " is cascaded from "
                        + upstream.get() + ", which streams from " + r.upstreamOf(via.get()).orElse("?")
                        + "; replication is healthy, but a switchover needs a candidate that streams from "
                        + primary.get() + " directly", "Re-point " + candidate + " to " + primary.get() + " first: on "
                        + candidate + " run " + sql + "; SELECT pg_reload_conf(); then wait until it streams from "
                        + primary.get() + " and plan again. Or choose a standby that streams from " + primary.get()
                        + (direct.isEmpty() ? " (none does now)" : ": " + direct) + ".");
            }
            if (!c.get().streaming() || upstream.filter(primary.get()::equals).isEmpty()) {
                return CheckResult.fail(name, receiver + (upstream.map(u -> " (" + u + ")").orElse("")) + ", not streaming from "
                        + primary.get(), "Fix replication to " + candidate + " first (its server log says why), or "
                        + "choose a standby that streams from " + primary.get() + ".");
            }
            return CheckResult.pass(name, receiver + " (" + primary.get() + ")");
        });
    }

    private Check replayNotPaused() {
        String name = "replay is not paused on " + candidate;
        return Check.of(name, context -> {
            Optional<NodeState> c = live.now(context).state(candidate);
            if (c.isEmpty()) {
                return CheckResult.fail(name, candidate + " is unreachable", "Choose a reachable standby.");
            }
            if (c.get().replayPaused()) {
                return CheckResult.fail(name, "pg_get_wal_replay_pause_state() = '" + c.get().pauseState() + "' on "
                        + candidate + ": it would never catch up", "Run SELECT pg_wal_replay_resume() on " + candidate
                        + " (someone paused it: ask why first), or choose another candidate.");
            }
            return CheckResult.pass(name, "pg_get_wal_replay_pause_state() = '" + c.get().pauseState() + "'");
        });
    }

    private Check lagWithinThreshold(Optional<String> primary) {
        String name = candidate + "'s lag is within " + dev.vigil.monitor.ByteSize.of((long) settings.maxLagBytes()) + " and "
                + Math.round(settings.maxLagSeconds()) + " s";
        return Check.of(name, context -> {
            ClusterReading r = live.now(context);
            Optional<NodeState> c = r.state(candidate);
            Optional<NodeState> p = primary.flatMap(r::state);
            if (c.isEmpty() || p.isEmpty() || p.get().currentLsn().isEmpty() || c.get().replayLsn().isEmpty()) {
                return CheckResult.fail(name, "lag cannot be measured: primary or candidate not read",
                        "See the checks above.");
            }
            double bytes = Math.max(0, p.get().currentLsn().get().value() - c.get().replayLsn().get().value());
            Optional<Double> seconds = ReplicationReads.downstream(cluster.node(primary.get()).orElseThrow()).stream()
                    .filter(d -> d.applicationName().equals(candidate)).findFirst()
                    .flatMap(ReplicationReads.Downstream::replayLagSeconds);
            String evidence = "replay on " + candidate + " is " + dev.vigil.monitor.ByteSize.of((long) bytes) + " behind "
                    + primary.get() + " (" + p.get().currentLsn().get() + " − " + c.get().replayLsn().get() + "), "
                    + seconds.map(s -> String.format(java.util.Locale.ROOT, "%.1f s of replay lag", s))
                    .orElse("replay lag not reported") + " (pg_stat_replication.replay_lag)";
            boolean over = bytes > settings.maxLagBytes() || seconds.orElse(0.0) > settings.maxLagSeconds();
            if (over) {
                return CheckResult.warn(name, evidence, "Writes stay down while " + candidate + " catches up after the "
                        + "stop (at most " + settings.catchUp().toSeconds() + " s, then the switchover stops with "
                        + primary.get() + " stopped). Wait for the lag to fall, or acknowledge to go ahead.");
            }
            return CheckResult.pass(name, evidence);
        });
    }

    private Check timelinesMatch(Optional<String> primary) {
        String name = "timelines match";
        return Check.of(name, context -> {
            ClusterReading r = live.now(context);
            Optional<Integer> pt = primary.flatMap(r::state).flatMap(NodeState::timeline);
            Optional<Integer> ct = r.state(candidate).flatMap(NodeState::timeline);
            if (pt.isEmpty() || ct.isEmpty()) {
                return CheckResult.fail(name, "timeline not read (primary " + pt.map(String::valueOf).orElse("?")
                        + ", " + candidate + " " + ct.map(String::valueOf).orElse("?") + ")", "See the checks above.");
            }
            if (!pt.equals(ct)) {
                return CheckResult.fail(name, primary.get() + " is on timeline " + pt.get() + ", " + candidate
                        + " receives timeline " + ct.get(), candidate + " follows another history: rejoin it to "
                        + primary.get() + " before a switchover.");
            }
            return CheckResult.pass(name, "both on timeline " + pt.get());
        });
    }

    private Check candidateCanServe(Optional<String> primary, List<String> siblings, Plan plan) {
        String name = candidate + " can serve the other standbys";
        List<String> slotsToCreate = FailoverSteps.slotsCreated(plan);
        return Check.of(name, context -> {
            Optional<NodeState> c = live.now(context).state(candidate);
            if (c.isEmpty()) {
                return CheckResult.fail(name, candidate + " is unreachable", "Choose a reachable standby.");
            }
            // Those it will serve: the re-pointed siblings, its own cascades (they stay), and the old primary.
            List<String> served = new ArrayList<>(siblings);
            live.now(context).standbysOf(candidate).stream().map(NodeState::node).filter(n -> !served.contains(n))
                    .forEach(served::add);
            primary.filter(p -> !served.contains(p)).ifPresent(served::add);
            int needed = served.size();
            List<ReplicationReads.Slot> slots = primary.isEmpty() ? List.of()
                    : ReplicationReads.physicalSlots(cluster.node(primary.get()).orElseThrow());
            String evidence = "hot_standby = " + (c.get().hotStandby() ? "on" : "off") + ", max_wal_senders = "
                    + c.get().maxWalSenders() + " for the " + (needed == 1 ? "standby " : needed + " standbys ") + candidate
                    + " will serve (" + String.join(", ", served) + ")"
                    + ", max_replication_slots = " + c.get().maxReplicationSlots()
                    + (slotsToCreate.isEmpty() ? "" : " for the slots the plan creates: " + slotsToCreate);
            if (!c.get().hotStandby()) {
                return CheckResult.fail(name, evidence, "Set hot_standby = on on " + candidate
                        + " (restart needed): Vigil must read the standbys it re-points.");
            }
            if (c.get().maxWalSenders() < needed) {
                return CheckResult.fail(name, evidence, "Raise max_wal_senders on " + candidate + " to at least "
                        + needed + " (restart needed) before the switchover.");
            }
            if (!slots.isEmpty()) {
                return CheckResult.warn(name, evidence + "; " + primary.get() + " has physical slots " + slots
                        + (slotsToCreate.isEmpty() ? "" : "; the plan creates on " + candidate + " the slots the "
                        + "standbys it re-points name (" + String.join(", ", slotsToCreate) + ")")
                        + ". The slots on " + primary.get() + " stay there when it becomes a standby, and keep WAL "
                        + "on it until they are dropped", "After the switchover drop, on " + primary.get() + ", the "
                        + "slots nothing streams through any more: SELECT pg_drop_replication_slot('<name>').");
            }
            return CheckResult.pass(name, evidence + "; no physical slots on " + primary.orElse("the primary"));
        });
    }

    private Check noBackup(Optional<String> primary) {
        String name = "no backup is running on the primary";
        return Check.of(name, context -> {
            if (primary.isEmpty()) {
                return CheckResult.fail(name, "no primary to check", "See 'no second primary exists'.");
            }
            NodeEndpoint p = cluster.node(primary.get()).orElseThrow();
            try (Connection c = ActionConnections.reader(p, ReplicationReads.READ_LIMITS); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(FailoverSql.BACKUP_STATE.sql(c.getMetaData().getDatabaseMajorVersion() * 10000))) {
                rs.next();
                boolean exclusive = rs.getBoolean("exclusive_backup");
                int streamed = rs.getInt("base_backups");
                if (exclusive || streamed > 0) {
                    return CheckResult.fail(name, (exclusive ? "an exclusive backup is running" : streamed
                            + " base backup(s) streaming (pg_stat_progress_basebackup)") + " on " + primary.get(),
                            "Let the backup finish (or stop it), then switch over: the stop would break it.");
                }
                return CheckResult.pass(name, "no exclusive backup, no base backup streaming on " + primary.get());
            }
        });
    }

    private Check longTransactions(Optional<String> primary) {
        String name = "no long transactions on the primary";
        return Check.of(name, context -> {
            if (primary.isEmpty()) {
                return CheckResult.pass(name, "no primary to check");
            }
            List<ReplicationReads.LongTransaction> open = ReplicationReads.longTransactions(
                    cluster.node(primary.get()).orElseThrow(), settings.longTransaction());
            if (!open.isEmpty()) {
                return CheckResult.warn(name, open.size() + " transaction" + (open.size() == 1 ? "" : "s")
                        + " open longer than " + settings.longTransaction().toSeconds() + " s on " + primary.get()
                        + ", rolled back by the stop: " + open.stream().map(ReplicationReads.LongTransaction::describe)
                        .collect(Collectors.joining("; ")), "Let them finish, or tell their owners; acknowledge to "
                        + "roll them back.");
            }
            return CheckResult.pass(name, "none open longer than " + settings.longTransaction().toSeconds() + " s on "
                    + primary.get());
        });
    }

    private Check synchronousReplication(Optional<String> primary, List<String> siblings, Plan plan) {
        String name = "effect on synchronous_standby_names";
        return Check.of(name, context -> {
            ClusterReading r = live.now(context);
            String before = primary.flatMap(r::state).map(NodeState::synchronousStandbyNames).orElse("");
            String after = r.state(candidate).map(NodeState::synchronousStandbyNames).orElse("");
            // Re-pointed standbys stream from the candidate under their node names (Conninfo.pointedAt); the old
            // primary only if the plan rejoins it.
            List<String> followers = new ArrayList<>(siblings);
            if (StepRoles.planned(plan, StepRoles.REJOIN)) {
                primary.ifPresent(followers::add);
            }
            SyncStandbyNames waitsFor = SyncStandbyNames.parse(after);
            if (waitsFor.synchronous() && waitsFor.matching(followers) < waitsFor.required()) {
                return CheckResult.warn(name, candidate + " has synchronous_standby_names '" + after + "', which waits for "
                        + waitsFor.required() + " of " + waitsFor.names() + "; after the switchover the standbys "
                        + "streaming from it are named " + followers + " (each standby's application_name is its node "
                        + "name), so only " + waitsFor.matching(followers) + " would count and every commit on "
                        + candidate + " would wait", "Set synchronous_standby_names on " + candidate + " to name "
                        + "nodes (e.g. 'ANY 1 (" + String.join(", ", followers) + ")') and reload it, before switching over.");
            }
            if (before.isBlank() && after.isBlank()) {
                return CheckResult.pass(name, "asynchronous: synchronous_standby_names is empty on "
                        + primary.orElse("the primary") + " and on " + candidate + "; commits will not wait for standbys");
            }
            if (before.equals(after)) {
                return CheckResult.pass(name, "'" + before + "' on both: on " + candidate + " commits wait for the "
                        + "standbys it names" + (before.contains(candidate) ? " (it names " + candidate
                        + " itself, which will be the primary: check a quorum remains)" : ""));
            }
            return CheckResult.warn(name, "now '" + before + "' on " + primary.orElse("the primary") + "; "
                    + candidate + " has '" + after + "', which applies once it is primary", after.isBlank()
                    ? "Commits will no longer wait for any standby: set synchronous_standby_names on " + candidate
                    + " first if that matters." : "Check that the standbys " + candidate + " names will exist.");
        });
    }

}
