package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.AckedCommit;
import dev.vigil.lab.workload.Workload;
import dev.vigil.lab.workload.WriteOutage;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.WorkflowReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Guided switchovers on a real 3-node lab under a write workload: five in alternate directions, each losing no
 * acknowledged commit, re-pointing every standby and rejoining the old primary, with every step journaled.
 * Subclasses choose the binaries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SwitchoverBehaviour extends OnFailoverLab {
    @Override
    abstract Optional<Path> pgBin();

    SwitchoverBehaviour() {
        super("so");
    }

    @Test
    @Order(1)
    void fiveSwitchoversInAlternateDirectionsLoseNothing() throws Exception {
        String[] targets = {"pg2", "pg1", "pg2", "pg1", "pg2"};
        try (Workload workload = Workload.start(lab.cluster, new Workload.Settings(150, 0.8, 4))) {
            Waits.until(WAIT, "the workload's first commits", () -> workload.stats().acknowledgedWrites() >= 30);
            int timeline = lab.cluster.primary().walPosition().timeline().orElseThrow();
            for (String to : targets) {
                String from = lab.cluster.primary().name();
                Proposal p = lab.prepare(switchover(to));
                assertThat(p.blocked()).as("prechecks of switchover to %s: %s", to, p.prechecks()).isFalse();
                long t0 = System.nanoTime();
                WorkflowReport report = lab.confirmAll(p);
                long t1 = System.nanoTime();
                assertThat(report.outcome()).as(report.summary() + " " + report.verification()).isEqualTo(Outcome.SUCCEEDED);
                long acked = workload.stats().acknowledgedWrites();
                Waits.until(WAIT, "commits on " + to, () -> workload.stats().acknowledgedWrites() >= acked + 20);
                List<AckedCommit> all = workload.acknowledged();
                LabNode primary = lab.cluster.node(to);
                assertThat(lab.writablePrimaries()).containsExactly(to);
                assertThat(Workload.missingOn(primary, all)).as("acknowledged commits missing on %s", to).isEmpty();
                int now = primary.walPosition().timeline().orElseThrow();
                assertThat(now).isEqualTo(timeline + 1);
                timeline = now;
                assertThat(lab.cluster.streamingStandbys(primary)).containsExactlyInAnyOrder(
                        lab.cluster.nodes().stream().map(LabNode::name).filter(n -> !n.equals(to)).toArray(String[]::new));
                List<String> kinds = lab.journalKinds(p.runId());
                assertThat(kinds).contains("action.plan", "action.prechecks", "action.confirmation", "action.recheck",
                        "action.verify", "action.outcome");
                assertThat(kinds.stream().filter("action.step"::equals).count()).isEqualTo(p.plan().size());
                assertThat(kinds.stream().filter("action.step.start"::equals).count()).isEqualTo(p.plan().size());
                assertThat(lab.fences.fenced(lab.definition.name())).isEmpty();
                Duration outage = WriteOutage.longestGap(all, t0, t1).map(WriteOutage.Gap::duration).orElse(Duration.ZERO);
                System.out.printf("[switchover] %s -> %s: confirmed to verified %d ms, write outage %d ms, steps: %s%n",
                        from, to, (t1 - t0) / 1_000_000, outage.toMillis(), report.steps().stream()
                                .map(s -> s.number() + " " + s.took().toMillis() + "ms").toList());
            }
        }
    }

    private String standbyNotCandidate() {
        return lab.cluster.standbys().get(lab.cluster.standbys().size() - 1).name();
    }

    @Test
    @Order(2)
    void pausedReplayOnTheCandidateIsRefusedWithTheEvidence() throws Exception {
        LabNode c = lab.cluster.node(standbyNotCandidate());
        c.pauseReplay();
        try {
            Proposal p = lab.prepare(switchover(c.name()));
            CheckResult paused = check(p, "replay is not paused");
            assertThat(paused.failed()).isTrue();
            assertThat(paused.evidence()).contains("pg_get_wal_replay_pause_state()").contains("paused");
            assertThat(paused.fix()).contains("pg_wal_replay_resume()");
            WorkflowReport r = lab.confirmAll(p);
            assertThat(r.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(r.summary()).contains("replay is not paused on " + c.name());
            assertThat(r.steps()).isEmpty();
        } finally {
            c.resumeReplay();
        }
    }

    @Test
    @Order(3)
    void aCandidateThatDoesNotStreamIsRefused() throws Exception {
        LabNode c = lab.cluster.node(standbyNotCandidate());
        try (var conn = c.connect("postgres"); var st = conn.createStatement()) {
            st.execute("ALTER SYSTEM SET primary_conninfo = 'host=127.0.0.1 port=1 connect_timeout=1'");
            st.execute("SELECT pg_reload_conf()");
        }
        try {
            Waits.until(WAIT, c.name() + " to stop streaming", () -> !lab.cluster.streamingStandbys(lab.cluster.primary())
                    .contains(c.name()));
            Proposal p = lab.prepare(switchover(c.name()));
            CheckResult streams = check(p, "streams from the primary");
            assertThat(streams.failed()).isTrue();
            assertThat(streams.evidence()).contains("not streaming from " + lab.cluster.primary().name());
            assertThat(p.blocked()).isTrue();
        } finally {
            lab.cluster.repoint(c, lab.cluster.primary());
            lab.cluster.awaitStreaming(lab.cluster.primary(), List.of(c), WAIT);
        }
    }

    @Test
    @Order(4)
    void aLaggingCandidateNeedsTheWarningAcknowledged() throws Exception {
        LabNode c = lab.cluster.node(standbyNotCandidate());
        String primary = lab.cluster.primary().name();
        FailoverSettings strict = new FailoverSettings(1, 0.001, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(120));
        applyDelay(c, "2s");
        try (Workload workload = Workload.start(lab.cluster, new Workload.Settings(100, 1.0, 2))) {
            Waits.until(WAIT, "some writes", () -> workload.stats().acknowledgedWrites() >= 50);
            // The candidate applies each commit 2 s late: it streams and is not paused, but lags.
            Proposal p = lab.prepare(new SwitchoverWorkflow(lab.definition, c.name(), lab.control, strict, lab.fences));
            CheckResult lag = check(p, "lag is within");
            assertThat(lag.status()).as(lag.evidence()).isEqualTo(CheckResult.Status.WARN);
            assertThat(lag.evidence()).contains("behind " + primary).contains("replay lag");
            assertThat(p.blocked()).isFalse();
            WorkflowReport r = lab.execute(p, dev.vigil.ops.workflow.Confirmation.confirm().typing(p.confirmationWord()),
                    dev.vigil.ops.workflow.WorkflowListener.NONE);
            assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(r.summary()).contains("warnings that were not acknowledged");
            assertThat(lab.writablePrimaries()).containsExactly(primary);
        } finally {
            applyDelay(c, null);
        }
    }

    /** Re-pointed standbys are named after their nodes: a setting naming other applications would stall commits. */
    @Test
    @Order(4)
    void aSynchronousSettingThatNamesNoFutureStandbyIsWarnedAbout() throws Exception {
        LabNode c = lab.cluster.node(standbyNotCandidate());
        setOn(c, "ALTER SYSTEM SET synchronous_standby_names = 'ANY 1 (billing_replica)'");
        try {
            Proposal p = lab.prepare(switchover(c.name()));
            CheckResult sync = check(p, "effect on synchronous_standby_names");
            assertThat(sync.status()).as(sync.evidence()).isEqualTo(CheckResult.Status.WARN);
            assertThat(sync.evidence()).contains("waits for 1 of [billing_replica]").contains("only 0 would count");
            assertThat(sync.fix()).contains("ANY 1 (");
            lab.engine.execute(p, dev.vigil.ops.workflow.Confirmation.decline(), dev.vigil.ops.workflow.WorkflowListener.NONE)
                    .report().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            setOn(c, "ALTER SYSTEM RESET synchronous_standby_names");
        }
    }

    private static void setOn(LabNode node, String alterSystem) throws java.sql.SQLException {
        try (var conn = node.connect("postgres"); var st = conn.createStatement()) {
            st.execute(alterSystem);
            st.execute("SELECT pg_reload_conf()");
        }
    }

    private static void applyDelay(LabNode node, String delay) throws java.sql.SQLException {
        try (var conn = node.connect("postgres"); var st = conn.createStatement()) {
            st.execute(delay == null ? "ALTER SYSTEM RESET recovery_min_apply_delay"
                    : "ALTER SYSTEM SET recovery_min_apply_delay = '" + delay + "'");
            st.execute("SELECT pg_reload_conf()");
        }
    }

    @Test
    @Order(5)
    void aSecondWorkflowOnTheSameClusterIsRefusedNamingTheFirst() throws Exception {
        String from = lab.cluster.primary().name();
        String to = lab.cluster.standbys().get(0).name();
        Proposal first = lab.prepare(switchover(to));
        Proposal second = lab.prepare(switchover(standbyNotCandidate()));
        var running = lab.engine.execute(first, dev.vigil.ops.workflow.Confirmation.confirm().acknowledgingWarnings()
                .typing(first.confirmationWord()), dev.vigil.ops.workflow.WorkflowListener.NONE);
        WorkflowReport refused = lab.confirmAll(second);
        WorkflowReport done = running.report().get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.summary()).contains("busy with 'Switch over so to " + to + "'");
        assertThat(refused.steps()).isEmpty();
        assertThat(done.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(lab.writablePrimaries()).containsExactly(to).doesNotContain(from);
    }

    @Test
    @Order(6)
    void aClusterWithPatroniSessionsIsRefused() throws Exception {
        LabNode primary = lab.cluster.primary();
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", lab.cluster.credentials().superuserPassword());
        props.setProperty("ApplicationName", "Patroni heartbeat");
        try (var patroni = java.sql.DriverManager.getConnection(primary.jdbcUrl("postgres"), props)) {
            Proposal p = lab.prepare(switchover(standbyNotCandidate()));
            CheckResult agent = check(p, "no HA agent");
            assertThat(agent.failed()).isTrue();
            assertThat(agent.evidence()).contains("Patroni").contains("Patroni heartbeat").contains("never promotes");
            assertThat(agent.fix()).contains("patronictl");
        }
    }

    /**
     * A standby that streams through a physical slot (primary_slot_name) would be refused by the new primary, which
     * has no such slot: the plan creates it there before re-pointing the standby.
     */
    @Test
    @Order(8)
    void aStandbysPhysicalSlotIsCreatedOnTheNewPrimaryBeforeItIsRepointed() throws Exception {
        LabNode from = lab.cluster.primary();
        LabNode sibling = lab.cluster.node(standbyNotCandidate());
        String to = lab.cluster.standbys().stream().map(LabNode::name).filter(n -> !n.equals(sibling.name()))
                .findFirst().orElseThrow();
        String slot = "vigil_test_" + sibling.name();
        sql(from, "SELECT pg_create_physical_replication_slot('" + slot + "')");
        setOn(sibling, "ALTER SYSTEM SET primary_slot_name = '" + slot + "'");
        try {
            Waits.until(WAIT, sibling.name() + " streaming through " + slot, () -> slotActive(from, slot));
            Proposal p = lab.prepare(switchover(to));
            assertThat(p.blocked()).as(p.prechecks().toString()).isFalse();
            assertThat(p.plan().steps()).extracting(dev.vigil.ops.workflow.Step::title)
                    .contains("Create slot '" + slot + "' on " + to + " for " + sibling.name());
            assertThat(check(p, "can serve the other standbys").evidence()).contains("the plan creates on " + to);
            WorkflowReport r = lab.confirmAll(p);
            assertThat(r.outcome()).as(r.summary() + " " + r.verification()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(check(p, "has room for the standbys' slots").passed()).isTrue();
            assertThat(r.verification()).anySatisfy(c -> assertThat(c.name())
                    .isEqualTo("the slots created on " + to + " are in use"));
            assertThat(r.verification()).allSatisfy(c -> assertThat(c.passed()).as(c.evidence()).isTrue());
            LabNode now = lab.cluster.node(to);
            Waits.until(WAIT, sibling.name() + " streaming through " + slot + " on " + to, () -> slotActive(now, slot));
            assertThat(lab.cluster.streamingStandbys(now)).contains(sibling.name(), from.name());
        } finally {
            setOn(sibling, "ALTER SYSTEM RESET primary_slot_name");
            for (LabNode n : lab.cluster.nodes()) {
                Waits.until(WAIT, slot + " unused on " + n.name(), () -> !slotActive(n, slot));
                sql(n, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                        + slot + "'");
            }
        }
    }

    private static void sql(LabNode node, String sql) throws java.sql.SQLException {
        try (var conn = node.connect("postgres"); var st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private static boolean slotActive(LabNode node, String slot) {
        try (var conn = node.connect("postgres"); var st = conn.createStatement();
             var rs = st.executeQuery("SELECT active FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
            return rs.next() && rs.getBoolean(1);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Test
    @Order(9)
    void twoPrimariesAreRefusedNamingBoth() throws Exception {
        String primary = lab.cluster.primary().name();
        LabNode rogue = lab.cluster.node(standbyNotCandidate());
        String candidate = lab.cluster.standbys().stream().map(LabNode::name).filter(n -> !n.equals(rogue.name()))
                .findFirst().orElseThrow();
        rogue.promote();
        Proposal p = lab.prepare(switchover(candidate));
        CheckResult two = check(p, "no second primary");
        assertThat(two.failed()).isTrue();
        assertThat(two.evidence()).contains("two primaries").contains(primary).contains(rogue.name());
        assertThat(p.blocked()).isTrue();
        // The rejoin refuses a node that runs as a primary: it must be stopped first.
        Proposal rejoin = lab.prepare(new RejoinWorkflow(lab.definition, rogue.name(), lab.control,
                FailoverSettings.defaults(), lab.fences));
        assertThat(rejoin.blocked()).isTrue();
        assertThat(check(rejoin, "one primary to follow").evidence()).contains("RUNS AS A PRIMARY");
    }
}
