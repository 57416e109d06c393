package dev.vigil.ops.failover;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.workflow.StepFailures;
import dev.vigil.ops.workflow.WorkflowContext;
import dev.vigil.sql.Lsn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The reads switchover, failover and rejoin plan and check from; each opens its own short connection. */
final class ReplicationReads {
    static final ActionConnections.Limits READ_LIMITS = ActionConnections.Limits.within(Duration.ofSeconds(4));

    private ReplicationReads() {}

    /** A standby as its primary sees it in pg_stat_replication. */
    record Downstream(String applicationName, String state, String syncState, Optional<Double> replayLagBytes,
                      Optional<Double> replayLagSeconds) {}

    record LongTransaction(int pid, String user, String application, String state, double ageSeconds, String query) {
        String describe() {
            return "pid " + pid + " (" + user + (application.isEmpty() ? "" : ", " + application) + ", " + state
                    + ", open " + Math.round(ageSeconds) + " s): " + query.replaceAll("\\s+", " ");
        }
    }

    record HaSigns(Optional<String> patroniSessions, Optional<String> patroniConfig, Optional<String> repmgrSessions,
                   String preloadLibraries) {
        /** What gives the agent away, empty when nothing does. */
        Optional<String> evidence() {
            List<String> signs = new ArrayList<>();
            patroniSessions.ifPresent(s -> signs.add("Patroni sessions connected (" + s + ")"));
            patroniConfig.ifPresent(s -> signs.add("settings come from Patroni's " + s));
            repmgrSessions.ifPresent(s -> signs.add("repmgr sessions connected (" + s + ")"));
            if (preloadLibraries.toLowerCase(java.util.Locale.ROOT).contains("repmgr")) {
                signs.add("shared_preload_libraries loads repmgr");
            }
            if (preloadLibraries.toLowerCase(java.util.Locale.ROOT).contains("pgautofailover")) {
                signs.add("shared_preload_libraries loads pg_auto_failover (pgautofailover)");
            }
            return signs.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", signs));
        }

        String agent() {
            return patroniSessions.isPresent() || patroniConfig.isPresent() ? "Patroni"
                    : preloadLibraries.toLowerCase(java.util.Locale.ROOT).contains("pgautofailover") ? "pg_auto_failover"
                    : "repmgr";
        }
    }

    record Privileges(String role, boolean superuser, boolean canPromote, boolean canCheckpoint,
                      boolean canSetConninfo, boolean canReload, boolean canCreateSlots) {
        List<String> missing(boolean promote, boolean checkpoint, boolean conninfo, boolean slots) {
            List<String> m = new ArrayList<>();
            if (promote && !canPromote) {
                m.add("EXECUTE on pg_promote(boolean, integer)");
            }
            if (checkpoint && !canCheckpoint) {
                m.add("CHECKPOINT (pg_checkpoint on 15+, else superuser)");
            }
            if (conninfo && !canSetConninfo) {
                m.add("ALTER SYSTEM on primary_conninfo (GRANT ALTER SYSTEM ON PARAMETER primary_conninfo on 15+, else superuser)");
            }
            if (conninfo && !canReload) {
                m.add("EXECUTE on pg_reload_conf()");
            }
            if (slots && !canCreateSlots) {
                m.add("REPLICATION (to create the standbys' physical slots: ALTER ROLE … REPLICATION)");
            }
            return m;
        }
    }

    /** Every node at once (in parallel, so one dead node costs one connect timeout, not one per node). */
    static ClusterReading readCluster(ClusterDefinition cluster, WorkflowContext context) {
        List<CompletableFuture<NodeReading>> reads = cluster.nodes().stream()
                .map(n -> CompletableFuture.supplyAsync(() -> readNode(n, context))).toList();
        return new ClusterReading(cluster, reads.stream().map(CompletableFuture::join).toList(), Instant.now());
    }

    static NodeReading readNode(NodeEndpoint node, WorkflowContext context) {
        try (Connection c = ActionConnections.reader(node, READ_LIMITS)) {
            context.abortOnTimeout(() -> c.abort(Runnable::run));
            return NodeReading.of(node.name(), node.address(), nodeState(c, node.name()));
        } catch (SQLException e) {
            // A server that answered with an error is not "down": say it could not be read, and why.
            return NodeReading.unreachable(node.name(), node.address(), FailoverWorkflow.noServerAnswered(e)
                    ? StepFailures.describe(e) : "answers, but could not be read (SQLSTATE " + e.getSQLState() + "): "
                    + StepFailures.describe(e));
        } catch (RuntimeException e) {
            return NodeReading.unreachable(node.name(), node.address(), StepFailures.describe(e));
        }
    }

    static NodeState nodeState(Connection c, String node) throws SQLException {
        int version = c.getMetaData().getDatabaseMajorVersion() * 10000;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FailoverSql.NODE_STATE.sql(version))) {
            rs.next();
            return new NodeState(node, rs.getString("version"), rs.getInt("version_num"), rs.getBoolean("in_recovery"),
                    lsn(rs, "current_lsn"), lsn(rs, "receive_lsn"), lsn(rs, "replay_lsn"), rs.getString("pause_state"),
                    Optional.ofNullable((Double) rs.getObject("replay_age_s")),
                    Optional.ofNullable((Integer) rs.getObject("timeline")),
                    Optional.ofNullable(rs.getString("receiver_status")), Optional.ofNullable(rs.getString("sender_host")),
                    Optional.ofNullable((Integer) rs.getObject("sender_port")), rs.getString("primary_conninfo"),
                    "on".equals(rs.getString("hot_standby")), rs.getInt("max_wal_senders"),
                    rs.getInt("max_replication_slots"), rs.getString("synchronous_standby_names"),
                    rs.getString("cluster_name"), "on".equals(rs.getString("data_checksums")),
                    "on".equals(rs.getString("wal_log_hints")), nz(rs.getString("primary_slot_name")));
        }
    }

    static List<Downstream> downstream(NodeEndpoint node) throws SQLException {
        List<Downstream> out = new ArrayList<>();
        try (Connection c = ActionConnections.reader(node, READ_LIMITS); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(FailoverSql.DOWNSTREAM.sql())) {
            while (rs.next()) {
                out.add(new Downstream(rs.getString("application_name"), rs.getString("state"),
                        rs.getString("sync_state"), Optional.ofNullable((Double) rs.getObject("replay_lag_bytes")),
                        Optional.ofNullable((Double) rs.getObject("replay_lag_s"))));
            }
        }
        return out;
    }

    /** A physical replication slot, and whether a standby streams through it now. */
    record Slot(String name, boolean active) {
        @Override
        public String toString() {
            return name + (active ? " (active)" : " (inactive)");
        }
    }

    static List<Slot> physicalSlots(NodeEndpoint node) throws SQLException {
        List<Slot> out = new ArrayList<>();
        try (Connection c = ActionConnections.reader(node, READ_LIMITS); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(FailoverSql.PHYSICAL_SLOTS.sql())) {
            while (rs.next()) {
                out.add(new Slot(rs.getString("slot_name"), rs.getBoolean("active")));
            }
        }
        return out;
    }

    static List<LongTransaction> longTransactions(NodeEndpoint node, Duration olderThan) throws SQLException {
        List<LongTransaction> out = new ArrayList<>();
        try (Connection c = ActionConnections.reader(node, READ_LIMITS);
             PreparedStatement st = c.prepareStatement(FailoverSql.LONG_TRANSACTIONS.sql())) {
            st.setDouble(1, olderThan.toMillis() / 1000.0);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new LongTransaction(rs.getInt("pid"), nz(rs.getString("usename")),
                            nz(rs.getString("application_name")), nz(rs.getString("state")), rs.getDouble("xact_age_s"),
                            nz(rs.getString("query"))));
                }
            }
        }
        return out;
    }

    static HaSigns haSigns(NodeEndpoint node) throws SQLException {
        try (Connection c = ActionConnections.reader(node, READ_LIMITS); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(FailoverSql.HA_AGENTS.sql())) {
            rs.next();
            return new HaSigns(Optional.ofNullable(rs.getString("patroni_sessions")),
                    Optional.ofNullable(rs.getString("patroni_config")), Optional.ofNullable(rs.getString("repmgr_sessions")),
                    nz(rs.getString("preload_libraries")));
        }
    }

    static Privileges privileges(Connection operator, int versionNum) throws SQLException {
        try (Statement st = operator.createStatement();
             ResultSet rs = st.executeQuery(FailoverSql.OPERATOR_PRIVILEGES.sql(versionNum))) {
            rs.next();
            return new Privileges(rs.getString("role"), rs.getBoolean("superuser"), rs.getBoolean("can_promote"),
                    rs.getBoolean("can_checkpoint"), rs.getBoolean("can_set_conninfo"), rs.getBoolean("can_reload"),
                    rs.getBoolean("can_create_slots"));
        }
    }

    private static Optional<Lsn> lsn(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).map(Lsn::parse);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
