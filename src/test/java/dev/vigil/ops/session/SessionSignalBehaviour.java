package dev.vigil.ops.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.cluster.OperatorAccess;
import dev.vigil.cluster.PasswordLookup;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.libpq.Pgpass;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Confirmation;
import dev.vigil.ops.workflow.EngineLab;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.StepOutcome;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowListener;
import dev.vigil.ops.workflow.WorkflowReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel and terminate through the workflow engine against a real server: real pg_sleep sessions of an
 * application role, the lab superuser (or a lesser role) as operator. Subclasses choose the binaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionSignalBehaviour {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String APP_ROLE = "shop_app";
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Session> sessions = new ArrayList<>();
    private final String appPassword = UUID.randomUUID().toString();
    private EngineLab lab;
    private LabNode node;
    private ClusterDefinition cluster;
    private PasswordLookup operatorPasswords;

    abstract Optional<Path> pgBin();

    private record Session(Connection connection, int pid) {}

    @BeforeAll
    void startLab(@TempDir Path dir) throws Exception {
        lab = EngineLab.open(pgBin(), "ops", dir);
        node = lab.primary();
        cluster = lab.definition();
        String juniorPassword = UUID.randomUUID().toString();
        String signallerPassword = UUID.randomUUID().toString();
        try (Connection admin = node.connect(LabCluster.DATABASE); Statement st = admin.createStatement()) {
            st.execute("CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD '" + appPassword + "'");
            st.execute("CREATE ROLE ops_junior LOGIN PASSWORD '" + juniorPassword + "'");
            st.execute("CREATE ROLE ops_signaller LOGIN PASSWORD '" + signallerPassword + "' IN ROLE "
                    + "pg_signal_backend, pg_read_all_stats");
        }
        Path pgpass = dir.resolve("operators.pgpass");
        Pgpass.write(pgpass, List.of(new Pgpass.Entry(LabCredentials.HOST, "*", "*", "ops_junior", juniorPassword),
                new Pgpass.Entry(LabCredentials.HOST, "*", "*", "ops_signaller", signallerPassword)));
        operatorPasswords = PasswordLookup.pgpass(pgpass);
    }

    @AfterEach
    void endSessions() throws SQLException {
        try (Connection admin = node.connect("postgres");
             PreparedStatement st = admin.prepareStatement("SELECT pg_catalog.pg_terminate_backend(?)")) {
            for (Session s : sessions) {
                st.setInt(1, s.pid());
                st.execute();
            }
        }
        for (Session s : sessions) {
            try {
                s.connection().close();
            } catch (SQLException alreadyGone) {
                // terminated above or by the test
            }
        }
        sessions.clear();
    }

    @AfterAll
    void stopLab() throws Exception {
        pool.shutdownNow();
        if (lab != null) {
            lab.close();
        }
    }

    // --- looking before acting ----------------------------------------------------------------------------

    @Test
    void heldLocksShowWhatABlockerHoldsAndWhatItsWaiterAwaits() throws Exception {
        try (Connection holder = node.connect(LabCluster.DATABASE); Connection waiter = node.connect(LabCluster.DATABASE)) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("UPDATE shop.customers SET country = country WHERE id = 1");
            }
            int holderPid = holder.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            int waiterPid = waiter.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            sessions.add(new Session(holder, holderPid));
            sessions.add(new Session(waiter, waiterPid));
            CompletableFuture<Void> waits = CompletableFuture.runAsync(() -> {
                try (Statement st = waiter.createStatement()) {
                    st.execute("UPDATE shop.customers SET country = country WHERE id = 1");
                } catch (SQLException ended) {
                    // terminated after the test
                }
            }, pool);
            dev.vigil.lab.host.Waits.until(WAIT, "the waiter to wait", () -> {
                try {
                    return HeldLocks.of(cluster.nodes().get(0), waiterPid).stream().anyMatch(l -> !l.granted());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            List<HeldLocks.HeldLock> held = HeldLocks.of(cluster.nodes().get(0), holderPid);
            assertThat(held).allSatisfy(l -> assertThat(l.granted()).isTrue());
            assertThat(held).anySatisfy(l -> assertThat(l.describe()).isEqualTo("RowExclusiveLock on shop.customers"));
            assertThat(held).anySatisfy(l -> assertThat(l.describe()).startsWith("ExclusiveLock on transaction "));
            List<HeldLocks.HeldLock> awaited = HeldLocks.of(cluster.nodes().get(0), waiterPid);
            assertThat(awaited.get(0)).as("the awaited lock comes first").satisfies(l -> {
                assertThat(l.granted()).isFalse();
                assertThat(l.describe()).startsWith("ShareLock on transaction ").endsWith("(waiting)");
            });
            assertThat(waits).isNotDone();
        }
    }

    // --- cancel and terminate -----------------------------------------------------------------------------

    @Test
    void cancelsARunningPgSleepAndTheSessionStaysConnected() throws Exception {
        Session s = session("report-job");
        CompletableFuture<Void> sleeping = sleep(s);
        SessionTarget target = activeInSleep(s);
        Workflow cancel = SessionSignalWorkflow.cancel(cluster, "pg1", List.of(target));

        Proposal p = prepare(cancel);

        assertThat(cancel.title()).isEqualTo("Cancel the query of pid " + s.pid() + " on pg1");
        assertThat(p.topology().node("pg1").orElseThrow().role()).isEqualTo(NodeStatus.Role.PRIMARY);
        assertThat(p.topology().describe()).startsWith("cluster ops: pg1 (127.0.0.1:" + node.port() + ") primary, timeline 1");
        assertThat(p.plan().steps()).singleElement().satisfies(step -> {
            assertThat(step.title()).isEqualTo("Cancel the query of pid " + s.pid());
            assertThat(step.detail()).isEqualTo("shop_app · report-job · active · SELECT pg_sleep(600)");
            assertThat(step.command().display()).startsWith("SELECT pg_catalog.pg_cancel_backend(a.pid) AS signalled")
                    .contains("WHERE a.pid = $1 AND a.backend_start = $2")
                    .contains("-- $1 = " + s.pid()).contains("-- $2 = '" + target.backendStart() + "'");
        });
        assertThat(p.prechecks()).extracting(CheckResult::name).containsExactly("no other action running on ops",
                "operator login on pg1", "pid " + s.pid() + " is the session shown",
                "pid " + s.pid() + " is a client session, not Vigil's own", "pid " + s.pid() + " is running a query",
                "operator may signal pid " + s.pid());
        assertThat(p.prechecks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(CheckResult.Status.PASS));
        assertThat(p.prechecks().get(1).evidence()).contains("as postgres, a superuser");
        assertThat(p.consequence()).contains("pid " + s.pid() + " on pg1 (primary) is cancelled");

        WorkflowReport report = execute(p, Confirmation.confirm());

        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(report.steps()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StepOutcome.DONE);
            assertThat(r.facts()).containsEntry("signalled", "true").containsEntry("state_at_signal", "active");
        });
        assertThat(report.verification()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(CheckResult.Status.PASS);
            assertThat(v.name()).isEqualTo("pid " + s.pid() + " no longer runs the query");
        });
        assertThat(sleeping).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .satisfies(e -> assertThat(((SQLException) e.getCause().getCause()).getSQLState()).isEqualTo("57014"));
        assertThat(seen(s.pid())).isPresent();
        try (Statement st = s.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT 42")) {
            assertThat(rs.next() && rs.getInt(1) == 42).as("the cancelled session still answers").isTrue();
        }
    }

    @Test
    void terminatesASessionAndItsPidIsGone() throws Exception {
        Session s = session("stuck-batch");
        CompletableFuture<Void> sleeping = sleep(s);
        SessionTarget target = activeInSleep(s);

        WorkflowReport report = execute(prepare(SessionSignalWorkflow.terminate(cluster, "pg1", List.of(target))),
                Confirmation.confirm());

        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(report.verification()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("pid " + s.pid() + " is gone");
            assertThat(v.status()).isEqualTo(CheckResult.Status.PASS);
        });
        assertThat(seen(s.pid())).isEmpty();
        assertThat(sleeping).failsWithin(WAIT);
        assertThat(s.connection().isValid(2)).isFalse();
    }

    @Test
    void terminatesSeveralAtOnceOneJournaledStepEachInOrder() throws Exception {
        List<Session> three = List.of(session("w1"), session("w2"), session("w3"));
        List<CompletableFuture<Void>> sleeps = three.stream().map(this::sleep).toList();
        List<SessionTarget> targets = new ArrayList<>();
        for (Session s : three) {
            targets.add(activeInSleep(s));
        }
        Workflow terminate = SessionSignalWorkflow.terminate(cluster, "pg1", targets);

        Proposal p = prepare(terminate);
        WorkflowReport report = execute(p, Confirmation.confirm());

        assertThat(terminate.title()).isEqualTo("Terminate 3 sessions on pg1");
        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(report.steps()).extracting(StepRecord::title).containsExactly(three.stream()
                .map(s -> "Terminate pid " + s.pid()).toArray(String[]::new));
        assertThat(report.verification()).hasSize(3).allSatisfy(v -> assertThat(v.passed()).isTrue());
        for (Session s : three) {
            assertThat(seen(s.pid())).isEmpty();
        }
        sleeps.forEach(f -> assertThat(f).failsWithin(WAIT));

        List<JsonNode> run = journalOf(p.runId());
        assertThat(run).extracting(n -> n.get("kind").asText()).containsExactly("action.plan", "action.prechecks",
                "action.confirmation", "action.recheck", "action.step.start", "action.step", "action.step.start",
                "action.step", "action.step.start", "action.step", "action.verify", "action.outcome");
        List<JsonNode> starts = run.stream().filter(n -> n.get("kind").asText().equals("action.step.start")).toList();
        for (int i = 0; i < 3; i++) {
            assertThat(starts.get(i).get("evidence").get("command").asText()).contains("-- $1 = " + three.get(i).pid());
            assertThat(starts.get(i).get("node").asText()).isEqualTo("pg1");
        }
        assertThat(run.get(run.size() - 1).get("evidence").get("outcome").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRunningLabFoundOnDiskActsAsItsSuperuserWithTheLabsPassword() throws Exception {
        ClusterDefinition found = LabInventory.running(lab.lab().dir().getParent()).clusters().stream()
                .filter(c -> c.nodes().stream().anyMatch(n -> n.port() == node.port())).findFirst().orElseThrow();
        assertThat(found.name()).isEqualTo("lab:ops");
        assertThat(found.actions().orElseThrow().user()).isEqualTo("postgres");
        Session s = session("found-on-disk");
        CompletableFuture<Void> sleeping = sleep(s);

        WorkflowReport report = execute(prepare(SessionSignalWorkflow.terminate(found, "pg1",
                List.of(activeInSleep(s)))), Confirmation.confirm());

        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(sleeping).failsWithin(WAIT);
    }

    // --- nothing happens unless confirmed ------------------------------------------------------------------

    @Test
    void aDryRunStopsAfterThePrechecksAndTheSessionStaysAlive() throws Exception {
        Session s = session("dry");
        CompletableFuture<Void> sleeping = sleep(s);
        SessionTarget target = activeInSleep(s);

        WorkflowReport report = lab.engine().dryRun(SessionSignalWorkflow.terminate(cluster, "pg1", List.of(target)),
                WorkflowListener.NONE).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(report.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(report.proposal().prechecks()).isNotEmpty().allSatisfy(c -> assertThat(c.passed()).isTrue());
        assertThat(report.steps()).isEmpty();
        assertThat(stillSleeping(s, target)).isTrue();
        assertThat(sleeping).isNotDone();
        assertThat(journalOf(report.proposal().runId())).extracting(n -> n.get("kind").asText())
                .containsExactly("action.plan", "action.prechecks", "action.outcome");
    }

    @Test
    void declinedTheSessionStaysAlive() throws Exception {
        Session s = session("declined");
        CompletableFuture<Void> sleeping = sleep(s);
        SessionTarget target = activeInSleep(s);

        WorkflowReport report = execute(prepare(SessionSignalWorkflow.terminate(cluster, "pg1", List.of(target))),
                Confirmation.decline());

        assertThat(report.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(stillSleeping(s, target)).isTrue();
        assertThat(sleeping).isNotDone();
    }

    @Test
    void cancellingAnIdleSessionWarnsAndNeedsTheWarningAcknowledged() throws Exception {
        Session s = session("idle-one");
        SessionTarget target = seen(s.pid()).orElseThrow();

        Proposal p = prepare(SessionSignalWorkflow.cancel(cluster, "pg1", List.of(target)));

        assertThat(p.blocked()).isFalse();
        assertThat(p.prechecks()).filteredOn(c -> c.status() == CheckResult.Status.WARN).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("pid " + s.pid() + " is running a query");
            assertThat(c.evidence()).contains("is idle").contains("a cancel does nothing");
            assertThat(c.fix()).contains("terminate");
        });
        assertThat(execute(p, Confirmation.confirm()).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(s.connection().isValid(2)).isTrue();
    }

    // --- prechecks that block ----------------------------------------------------------------------------

    @Test
    void aPidThatVanishedFailsItsPrecheckWithEvidence() throws Exception {
        Session s = session("short-lived");
        SessionTarget target = seen(s.pid()).orElseThrow();
        s.connection().close();
        Waits.until(WAIT, "pid " + s.pid() + " to end", () -> seen(s.pid()).isEmpty());

        Proposal p = prepare(SessionSignalWorkflow.terminate(cluster, "pg1", List.of(target)));

        assertThat(p.blocked()).isTrue();
        assertThat(check(p, "pid " + s.pid() + " is the session shown")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(c.evidence()).isEqualTo("no backend with pid " + s.pid() + " on pg1 now: the session shown "
                    + "(shop_app, started " + SessionSignalWorkflow.at(target.backendStart()) + ") has ended");
            assertThat(c.fix()).contains("Refresh the sessions");
        });
        assertThat(execute(p, Confirmation.confirm()).outcome()).isEqualTo(Outcome.BLOCKED);
    }

    @Test
    void aPidNowServingAnotherBackendFailsThePidReuseGuard() throws Exception {
        Session s = session("reused");
        SessionTarget now = seen(s.pid()).orElseThrow();
        Instant earlier = now.backendStart().minus(Duration.ofMinutes(42));
        SessionTarget asSeenBefore = new SessionTarget(now.pid(), earlier, "old_user", "old-app", "active",
                Optional.of(earlier), "SELECT 1");

        Proposal p = prepare(SessionSignalWorkflow.terminate(cluster, "pg1", List.of(asSeenBefore)));

        assertThat(check(p, "pid " + s.pid() + " is the session shown")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(c.evidence()).isEqualTo("pid " + s.pid() + " now belongs to another session: shop_app · reused, "
                    + "started " + SessionSignalWorkflow.at(now.backendStart()) + ", not "
                    + SessionSignalWorkflow.at(earlier) + " as shown");
        });
        assertThat(execute(p, Confirmation.confirm()).outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(s.connection().isValid(2)).as("the session that reuses the pid is untouched").isTrue();
    }

    @Test
    void vigilsOwnSessionsAreNotSignalled() throws Exception {
        Session monitor = session("vigil-monitor");
        SessionTarget target = seen(monitor.pid()).orElseThrow();

        Proposal p = prepare(SessionSignalWorkflow.terminate(cluster, "pg1", List.of(target)));

        assertThat(check(p, "pid " + monitor.pid() + " is a client session, not Vigil's own")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(c.evidence()).isEqualTo("pid " + monitor.pid() + " is Vigil's own vigil-monitor session");
        });
    }

    @Test
    void withoutAnOperatorLoginThePrecheckNamesTheClusterAndWhatToConfigure() throws Exception {
        Session s = session("no-operator");
        SessionTarget target = seen(s.pid()).orElseThrow();
        ClusterDefinition monitorOnly = cluster.withActions(Optional.empty());

        Proposal p = prepare(SessionSignalWorkflow.terminate(monitorOnly, "pg1", List.of(target)));

        assertThat(p.failures()).extracting(CheckResult::name).containsExactly("operator login on pg1",
                "operator may signal pid " + s.pid());
        assertThat(p.failures()).allSatisfy(c -> {
            assertThat(c.evidence()).startsWith("Cluster ops has no operator login for actions");
            assertThat(c.fix()).startsWith("Add 'actions_user: <role>' to cluster ops (or to 'defaults') in clusters.yaml");
        });
        assertThat(check(p, "pid " + s.pid() + " is the session shown").passed()).isTrue();
    }

    @Test
    void anOperatorWithoutPrivilegesIsToldWhatToGrantAndOneWithPgSignalBackendMayCancel() throws Exception {
        Session s = session("app-query");
        CompletableFuture<Void> sleeping = sleep(s);
        SessionTarget target = activeInSleep(s);
        Session superuserSession = superuserSession();
        SessionTarget superTarget = seen(superuserSession.pid()).orElseThrow();
        ClusterDefinition asJunior = operator("ops_junior");
        ClusterDefinition asSignaller = operator("ops_signaller");

        Proposal junior = prepare(SessionSignalWorkflow.cancel(asJunior, "pg1", List.of(target)));
        assertThat(check(junior, "operator login on pg1").evidence()).endsWith("as ops_junior, neither superuser nor "
                + "a member of pg_signal_backend");
        assertThat(check(junior, "operator may signal pid " + s.pid())).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(c.evidence()).contains("not a member of pg_signal_backend").contains("role shop_app");
            assertThat(c.fix()).isEqualTo("GRANT pg_signal_backend, pg_read_all_stats TO \"ops_junior\";");
        });

        Proposal ofSuperuser = prepare(SessionSignalWorkflow.terminate(asSignaller, "pg1", List.of(superTarget)));
        assertThat(check(ofSuperuser, "operator may signal pid " + superuserSession.pid())).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(c.evidence()).contains("runs as superuser postgres");
        });

        Proposal signaller = prepare(SessionSignalWorkflow.cancel(asSignaller, "pg1", List.of(target)));
        assertThat(signaller.prechecks()).allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
        assertThat(check(signaller, "operator may signal pid " + s.pid()).evidence())
                .isEqualTo("ops_signaller is a member of pg_signal_backend and shop_app is not a superuser");
        assertThat(execute(signaller, Confirmation.confirm()).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(sleeping).failsWithin(WAIT);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private ClusterDefinition operator(String role) {
        return cluster.withActions(Optional.of(new OperatorAccess(role, operatorPasswords)));
    }

    private Proposal prepare(Workflow w) throws Exception {
        return lab.prepare(w, WAIT);
    }

    private WorkflowReport execute(Proposal p, Confirmation c) throws Exception {
        return lab.execute(p, c, WAIT);
    }

    private static CheckResult check(Proposal p, String name) {
        return p.prechecks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no precheck '" + name + "' in " + p.prechecks()));
    }

    private List<JsonNode> journalOf(String runId) throws Exception {
        return lab.journalOf(runId);
    }

    private Session session(String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", APP_ROLE);
        props.setProperty("password", appPassword);
        props.setProperty("ApplicationName", applicationName);
        return track(DriverManager.getConnection(node.jdbcUrl(LabCluster.DATABASE), props));
    }

    private Session superuserSession() throws SQLException {
        return track(node.connect(LabCluster.DATABASE));
    }

    private Session track(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
            rs.next();
            Session s = new Session(c, rs.getInt(1));
            sessions.add(s);
            return s;
        }
    }

    private CompletableFuture<Void> sleep(Session s) {
        return CompletableFuture.runAsync(() -> {
            try (Statement st = s.connection().createStatement()) {
                st.execute("SELECT pg_sleep(600)");
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, pool);
    }

    /** The session as a Sessions view would show it, once it runs its pg_sleep. */
    private SessionTarget activeInSleep(Session s) {
        Waits.until(WAIT, "pid " + s.pid() + " running pg_sleep", () -> seen(s.pid())
                .filter(t -> t.state().equals("active") && t.query().contains("pg_sleep")).isPresent());
        return seen(s.pid()).orElseThrow();
    }

    private boolean stillSleeping(Session s, SessionTarget target) {
        return seen(s.pid()).filter(t -> t.state().equals("active") && t.queryStart().equals(target.queryStart()))
                .isPresent();
    }

    private Optional<SessionTarget> seen(int pid) {
        return SessionTargets.seen(node, pid);
    }
}
