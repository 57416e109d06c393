package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.os.Poll;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks switchover, failover and rejoin share. */
final class FailoverChecks {
    private FailoverChecks() {}

    /** What the operator login must be allowed on one node; {@code slots}: create the standbys' physical slots. */
    record Needs(NodeEndpoint node, boolean promote, boolean checkpoint, boolean conninfo, boolean slots) {}

    static Check noHaAgent(ClusterDefinition cluster, LiveReading live) {
        String name = "no HA agent manages " + cluster.name();
        return Check.of(name, context -> {
            List<String> found = new ArrayList<>();
            String agent = "";
            for (NodeReading r : live.now(context).nodes()) {
                if (!r.reachable()) {
                    continue;
                }
                NodeEndpoint node = cluster.node(r.node()).orElseThrow();
                ReplicationReads.HaSigns signs = ReplicationReads.haSigns(node);
                if (signs.evidence().isPresent()) {
                    found.add(r.node() + ": " + signs.evidence().get());
                    agent = signs.agent();
                }
            }
            if (!found.isEmpty()) {
                return CheckResult.fail(name, agent + " manages this cluster (" + String.join("; ", found)
                        + "). Vigil never promotes or stops servers behind an HA agent's back: the agent would "
                        + "fight it, and two primaries could result.", "Switch over or fail over with the agent's own "
                        + "tool (patronictl switchover / failover, repmgr standby switchover).");
            }
            return CheckResult.pass(name, "no Patroni or repmgr sessions, configuration or library on the reachable nodes");
        });
    }

    static Check operatorPrivileges(ClusterDefinition cluster, List<Needs> needs) {
        String name = "the operator login may do every step";
        return Check.of(name, context -> {
            if (cluster.actions().isEmpty()) {
                return CheckResult.fail(name, "cluster " + cluster.name() + " has no actions_user",
                        "Set actions_user for " + cluster.name() + " in clusters.yaml (see docs/configuration.md).");
            }
            List<String> ok = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Needs n : needs) {
                try (Connection c = ActionConnections.operator(cluster, n.node(), ReplicationReads.READ_LIMITS)) {
                    context.abortOnTimeout(() -> c.abort(Runnable::run));
                    int version = c.getMetaData().getDatabaseMajorVersion() * 10000;
                    ReplicationReads.Privileges p = ReplicationReads.privileges(c, version);
                    List<String> lacks = p.missing(n.promote(), n.checkpoint(), n.conninfo(), n.slots());
                    if (lacks.isEmpty()) {
                        ok.add(n.node().name() + " as " + p.role() + (p.superuser() ? " (superuser)" : ""));
                    } else {
                        missing.add(n.node().name() + " as " + p.role() + " lacks " + String.join(", ", lacks));
                    }
                } catch (MissingOperatorLogin e) {
                    missing.add(n.node().name() + ": " + e.getMessage());
                } catch (SQLException e) {
                    missing.add(n.node().name() + ": could not log in as " + cluster.actions().get().user() + ": "
                            + e.getMessage());
                }
            }
            if (!missing.isEmpty()) {
                return CheckResult.fail(name, String.join("; ", missing), "Grant what is missing to "
                        + cluster.actions().get().user() + " (e.g. GRANT pg_checkpoint TO …; GRANT EXECUTE ON FUNCTION "
                        + "pg_promote(boolean, integer) TO …; GRANT ALTER SYSTEM ON PARAMETER primary_conninfo TO …), "
                        + "or store its password (" + dev.vigil.libpq.Pgpass.defaultLabel() + " or the keyring).");
            }
            return CheckResult.pass(name, String.join("; ", ok));
        });
    }

    /** The standbys' slots fit on the node that will serve them, beside the physical slots it already has. */
    static Check slotRoom(ClusterDefinition cluster, LiveReading live, String upstream, List<String> toCreate) {
        String name = upstream + " has room for the standbys' slots";
        return Check.of(name, context -> {
            Optional<NodeState> state = live.now(context).state(upstream);
            if (state.isEmpty()) {
                return CheckResult.fail(name, upstream + " is unreachable", "Choose a reachable standby.");
            }
            List<String> existing = ReplicationReads.physicalSlots(cluster.node(upstream).orElseThrow()).stream()
                    .map(ReplicationReads.Slot::name).toList();
            List<String> missing = toCreate.stream().filter(s -> !existing.contains(s)).toList();
            int max = state.get().maxReplicationSlots();
            String evidence = "to create " + (missing.isEmpty() ? "none (they exist)" : missing) + "; max_replication_slots = "
                    + max + ", " + existing.size() + " physical slot" + (existing.size() == 1 ? "" : "s") + " there"
                    + (existing.isEmpty() ? "" : " " + existing);
            if (existing.size() + missing.size() > max) {
                return CheckResult.fail(name, evidence, "Raise max_replication_slots on " + upstream + " to at least "
                        + (existing.size() + missing.size()) + " (restart needed), or drop slots nothing uses there.");
            }
            return CheckResult.pass(name, evidence);
        });
    }

    /**
     * After a run that created slots: each has a standby streaming through it. One that has none keeps WAL on its
     * node for ever, so it is named with the way to drop it.
     */
    /** A slot comes into use when its standby's receiver restarts, some hundred milliseconds after the re-point. */
    private static final Duration SLOT_POLL = Duration.ofMillis(250);

    static Check createdSlotsInUse(ClusterDefinition cluster, NodeEndpoint upstream, List<String> slots) {
        String name = "the slots created on " + upstream.name() + " are in use";
        Duration patience = Duration.ofSeconds(10);
        return Check.of(name, patience.plusSeconds(10), context -> {
            Poll.Outcome<List<String>> seen = context.poll(SLOT_POLL, patience).until(() -> {
                List<String> active = ReplicationReads.physicalSlots(upstream).stream()
                        .filter(ReplicationReads.Slot::active).map(ReplicationReads.Slot::name).toList();
                List<String> idle = slots.stream().filter(s -> !active.contains(s)).toList();
                return idle.isEmpty() ? Poll.Look.done(idle) : Poll.Look.notYet(idle, idle.toString());
            });
            if (seen.met()) {
                return CheckResult.pass(name, "a standby streams through each of " + slots);
            }
            return CheckResult.warn(name, "nothing streams through " + seen.evidence() + " on " + upstream.name()
                    + ", which keeps WAL there until something does", "Once the standby that names it streams "
                    + "again this clears; if none will, SELECT pg_drop_replication_slot('<name>') on "
                    + upstream.name() + ".");
        });
    }

    /** Never two primaries: states how many writable primaries there are now, and which. */
    static Check writablePrimaries(ClusterDefinition cluster, Optional<String> expected) {
        String name = "writable primaries in " + cluster.name();
        return Check.of(name, Duration.ofSeconds(20), context -> {
            ClusterReading now = ReplicationReads.readCluster(cluster, context);
            List<String> primaries = now.primaries().stream().map(NodeState::node).toList();
            String roles = FailoverSteps.describeRoles(now);
            if (primaries.size() > 1) {
                return CheckResult.fail(name, "TWO OR MORE PRIMARIES: " + primaries + " (" + roles + ")",
                        "Split brain: stop or fence all but one of " + primaries + " at once, then rejoin the others.");
            }
            if (primaries.isEmpty()) {
                return CheckResult.fail(name, "no writable primary: writes are down (" + roles + ")",
                        "Follow the next actions below to bring one primary back.");
            }
            if (expected.isPresent() && !primaries.get(0).equals(expected.get())) {
                return CheckResult.warn(name, "exactly one: " + primaries.get(0) + ", not " + expected.get()
                        + " (" + roles + ")", "The roles did not change as planned; see the steps above.");
            }
            return CheckResult.pass(name, "exactly one: " + primaries.get(0) + " (" + roles + ")");
        });
    }

    /**
     * Each node in {@code standbys} streams from {@code primary}, as the primary's pg_stat_replication says. A
     * standby that has just connected shows "startup" or "catchup" for a moment, so this waits up to 15 s.
     */
    static Check streamingFrom(ClusterDefinition cluster, NodeEndpoint primary, List<String> standbys) {
        String name = "standbys stream from " + primary.name();
        Duration patience = Duration.ofSeconds(15);
        return Check.of(name, patience.plusSeconds(10), context -> {
            Poll.Outcome<List<String>> seen = context.poll(FailoverSteps.STREAM_POLL, patience).until(() -> {
                List<ReplicationReads.Downstream> down = ReplicationReads.downstream(primary);
                List<String> streaming = down.stream().filter(d -> "streaming".equals(d.state()))
                        .map(ReplicationReads.Downstream::applicationName).toList();
                List<String> missing = standbys.stream().filter(s -> !streaming.contains(s)).toList();
                String evidence = down.isEmpty() ? "pg_stat_replication on " + primary.name() + " is empty"
                        : "pg_stat_replication on " + primary.name() + ": " + down.stream()
                        .map(d -> d.applicationName() + " " + d.state()).collect(Collectors.joining(", "));
                return missing.isEmpty() ? new Poll.Look<>(true, missing, evidence) : Poll.Look.notYet(missing, evidence);
            });
            if (seen.met()) {
                return CheckResult.pass(name, seen.evidence());
            }
            List<String> missing = seen.lastSeen().orElse(standbys);
            return CheckResult.fail(name, missing + " not streaming after " + patience.toSeconds() + " s; "
                    + seen.evidence(), "Look at the log of " + String.join(", ", missing) + "; re-point or rejoin it.");
        });
    }
}
