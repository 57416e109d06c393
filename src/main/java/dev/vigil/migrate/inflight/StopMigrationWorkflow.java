package dev.vigil.migrate.inflight;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.TopologyReader;
import dev.vigil.ops.session.Signal;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Command;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowContext;
import dev.vigil.os.Poll;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a migration that holds (or queues for) a table lock while traffic piles up behind it: cancel its
 * statement — PostgreSQL rolls its transaction back, DDL included — then watch its locks go and the sessions
 * behind it drain, and verify that the tables it locked kept their shape and that the migration tool's history
 * does not claim it applied. Terminating is the same workflow with {@link Signal#TERMINATE}, offered only after a
 * cancel did not free the table, and asking for its own (typed) confirmation.
 */
public final class StopMigrationWorkflow implements Workflow {
    /** Flyway's default; each table of this name, in whichever schema, is checked. */
    public static final String DEFAULT_HISTORY_TABLE = "flyway_schema_history";
    private static final Duration READ_LIMIT = Duration.ofSeconds(3);
    private final ClusterDefinition cluster;
    private final NodeEndpoint node;
    private final int pid;
    private final Signal signal;
    private final Duration drain;
    private final String historyTable;
    private volatile TargetState seen;
    private volatile Map<String, Optional<RelationShape>> shapesBefore = Map.of();
    private volatile List<HistoryState> historiesBefore;
    /** Sessions waiting on locks just before the signal: where the draining count starts. */
    private volatile int waitingAtSignal = -1;

    public StopMigrationWorkflow(ClusterDefinition cluster, String node, int pid, Signal signal, Duration drain,
                                 String historyTable) {
        this.cluster = cluster;
        this.node = cluster.node(node).orElseThrow(() -> new IllegalArgumentException("cluster " + cluster.name()
                + " has no node " + node));
        this.pid = pid;
        this.signal = signal;
        this.drain = drain;
        // A schema-qualified name is read as its table name: every schema is searched.
        this.historyTable = historyTable.substring(historyTable.lastIndexOf('.') + 1);
    }

    public static StopMigrationWorkflow cancel(ClusterDefinition cluster, String node, int pid) {
        return new StopMigrationWorkflow(cluster, node, pid, Signal.CANCEL, Duration.ofSeconds(10), DEFAULT_HISTORY_TABLE);
    }

    public static StopMigrationWorkflow terminate(ClusterDefinition cluster, String node, int pid) {
        return new StopMigrationWorkflow(cluster, node, pid, Signal.TERMINATE, Duration.ofSeconds(10), DEFAULT_HISTORY_TABLE);
    }

    @Override
    public String cluster() {
        return cluster.name();
    }

    @Override
    public String title() {
        return (signal == Signal.CANCEL ? "Stop" : "Terminate") + " the migration in flight on " + node.name()
                + " (pid " + pid + ")";
    }

    @Override
    public String kind() {
        return signal == Signal.CANCEL ? "migration.stop" : "migration.terminate";
    }

    @Override
    public Optional<String> node() {
        return Optional.of(node.name());
    }

    /** Terminating is the escalation: a second, typed confirmation. */
    @Override
    public boolean requiresTypedConfirmation() {
        return signal == Signal.TERMINATE;
    }

    @Override
    public Topology topology(WorkflowContext context) throws Exception {
        try (Connection c = operator(context)) {
            seen = InFlightReads.target(c, pid);
            shapesBefore = InFlightReads.shapes(c, seen.lockedRelations());
            historiesBefore = InFlightReads.histories(c, historyTable);
        }
        return TopologyReader.read(cluster, List.of(node), Optional.of(node.name()), context);
    }

    @Override
    public Plan plan(Topology topology) {
        TargetState t = seen;
        if (t == null || !t.alive()) {
            return new Plan(List.of());
        }
        OffsetDateTime start = t.backendStart().orElseThrow();
        String sql = signal.sql(); // the session workflows' guarded cancel and terminate, pid and backend_start
        Step send = new Step((signal == Signal.CANCEL ? "Cancel" : "Terminate") + " the migration (pid " + pid + ")",
                t.user() + (t.application().isEmpty() ? "" : ", " + t.application()) + ", " + t.state() + ": "
                        + oneLine(t.query()), node.name(), Command.sql(sql, pid, start.toInstant()),
                Duration.ofSeconds(5), context -> {
            try (Connection c = operator(context); PreparedStatement st = c.prepareStatement(sql)) {
                waitingAtSignal = InFlightReads.target(c, pid).waitingTotal();
                st.setInt(1, pid);
                st.setObject(2, start);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return StepResult.failed("pid " + pid + " had ended (or is another backend now); nothing was sent");
                    }
                    return rs.getBoolean("signalled") ? StepResult.done("signal delivered to pid " + pid + " ("
                            + rs.getString("state") + ")") : StepResult.failed("the server did not deliver the signal");
                }
            }
        });
        Step wait = new Step("Wait until its locks are released and the sessions behind it drain",
                "waiting sessions counted as they fall", node.name(), Command.described("poll every 0.1 s, at most "
                + drain.toSeconds() + " s: " + oneLine(InFlightSql.TARGET_STATE.sql())), drain.plusSeconds(5),
                this::awaitDrain);
        return new Plan(List.of(send, wait));
    }

    /** Matches the "poll every 0.1 s" the plan shows: a lock queue drains in milliseconds once its head goes. */
    private static final Duration DRAIN_POLL = Duration.ofMillis(100);

    private StepResult awaitDrain(WorkflowContext context) throws Exception {
        List<Integer> counts = new ArrayList<>();
        if (waitingAtSignal >= 0) {
            counts.add(waitingAtSignal);
        }
        TargetState before = seen;
        Poll.Outcome<TargetState> drained;
        try (Connection c = operator(context)) {
            drained = context.poll(DRAIN_POLL, drain).until(() -> {
                TargetState t = InFlightReads.target(c, pid);
                int waiting = t.waitingTotal();
                if (counts.isEmpty() || counts.get(counts.size() - 1) != waiting) {
                    counts.add(waiting);
                }
                boolean same = t.alive() && t.backendStart().equals(before.backendStart());
                boolean released = !same || (t.strongLocks().isEmpty() && t.blockedDirectly() == 0);
                return released ? Poll.Look.done(t) : Poll.Look.notYet(t, t.state());
            });
        }
        TargetState now = drained.lastSeen().orElseThrow();
        if (drained.met()) {
            boolean same = now.alive() && now.backendStart().equals(before.backendStart());
            return StepResult.done((same ? "pid " + pid + " holds no table lock others wait on ("
                    + now.state() + ")" : "pid " + pid + " has ended") + "; sessions waiting on locks: "
                    + trail(counts), Map.of("waiting", trail(counts)));
        }
        return StepResult.failed("after " + drain.toSeconds() + " s pid " + pid + " still holds "
                + String.join(", ", now.strongLocks()) + " with " + now.blockedDirectly() + " session(s) waiting on it ("
                + now.state() + (now.idleInTransaction() ? ": a cancel does not end an idle transaction" : "")
                + "); waiting: " + trail(counts));
    }

    @Override
    public List<Check> prechecks(Topology topology, Plan plan) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.of("pid " + pid + " is still the session seen", context -> {
            TargetState t = seen;
            if (t == null || !t.alive()) {
                return CheckResult.fail("pid " + pid + " is still the session seen", "pid " + pid + " has ended",
                        "Nothing to stop: look at the Locks view again.");
            }
            try (Connection c = operator(context)) {
                TargetState now = InFlightReads.target(c, pid);
                if (!now.alive() || !now.backendStart().equals(t.backendStart())) {
                    return CheckResult.fail("pid " + pid + " is still the session seen", "pid " + pid
                            + " has ended or is another backend now", "Nothing to stop: look at the Locks view again.");
                }
                return CheckResult.pass("pid " + pid + " is still the session seen", now.user() + ", "
                        + (now.application().isEmpty() ? "no application name" : now.application()) + ", " + now.state()
                        + ", started " + now.backendStart().get() + "; holds " + (now.strongLocks().isEmpty()
                        ? "no strong table lock (it may be queued for one)" : String.join(", ", now.strongLocks()))
                        + "; " + now.blockedDirectly() + " session(s) wait on it directly, " + now.waitingTotal()
                        + " wait on locks in all");
            }
        }));
        checks.add(Check.of("it is not Vigil's own session", context -> seen != null
                && seen.application().startsWith("vigil-")
                ? CheckResult.fail("it is not Vigil's own session", "application_name " + seen.application(),
                "Vigil does not stop its own sessions this way.")
                : CheckResult.pass("it is not Vigil's own session", "application_name '"
                + (seen == null ? "" : seen.application()) + "'")));
        if (signal == Signal.CANCEL) {
            checks.add(Check.of("a cancel will stop it", context -> seen != null && seen.idleInTransaction()
                    ? CheckResult.warn("a cancel will stop it", "pid " + pid + " is idle in transaction: a cancel "
                    + "does nothing to it, and it keeps its locks until its transaction ends",
                    "Acknowledge to try anyway, or terminate it instead (Terminate…).")
                    : CheckResult.pass("a cancel will stop it", "it is " + (seen == null ? "?" : seen.state())
                    + ": a cancel aborts its statement and rolls back its transaction")));
        }
        checks.add(Check.of("the operator may signal it", context -> {
            try (Connection c = operator(context); PreparedStatement st = c.prepareStatement(InFlightSql.MAY_SIGNAL.sql())) {
                st.setInt(1, pid);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    String who = rs.getString("operator");
                    return rs.getBoolean("may_signal") ? CheckResult.pass("the operator may signal it", who
                            + " may signal pid " + pid) : CheckResult.fail("the operator may signal it", who
                            + " may not signal pid " + pid, "GRANT pg_signal_backend TO "
                            + dev.vigil.sql.Identifiers.quote(who) + " (or the "
                            + "migration's role), as a superuser.");
                }
            }
        }));
        checks.add(Check.of("what rolls back", context -> CheckResult.pass("what rolls back", "DDL is transactional in "
                + "PostgreSQL: everything the migration did in its open transaction is undone. Now: "
                + describeShapes(shapesBefore) + "; " + (historiesBefore == null ? "history not read"
                : describe(historiesBefore)))));
        return checks;
    }

    @Override
    public String consequence(Topology topology, Plan plan) {
        if (plan.size() == 0) {
            return "Nothing to do: pid " + pid + " has ended.";
        }
        return "pid " + pid + (signal == Signal.CANCEL ? "'s statement is cancelled" : " is terminated")
                + ": PostgreSQL rolls back its transaction, DDL included, so "
                + (shapesBefore.isEmpty() ? "the tables it touched" : String.join(", ", shapesBefore.keySet()))
                + " keep their current shape, and the sessions waiting behind it go on. The migration tool gets an "
                + "error and should record the migration as failed; fix the migration before running it again.";
    }

    @Override
    public List<Check> verifications(Plan plan, List<StepRecord> attempted) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.of("nobody waits on pid " + pid, context -> {
            try (Connection c = operator(context)) {
                TargetState now = InFlightReads.target(c, pid);
                boolean same = now.alive() && now.backendStart().equals(seen.backendStart());
                if (same && (now.blockedDirectly() > 0 || !now.strongLocks().isEmpty())) {
                    return CheckResult.fail("nobody waits on pid " + pid, "it still holds " + now.strongLocks() + " and "
                            + now.blockedDirectly() + " session(s) wait on it (" + now.state() + ")",
                            signal == Signal.CANCEL ? "Terminate it (a second confirmation)." : "Look at the Locks view.");
                }
                return CheckResult.pass("nobody waits on pid " + pid, (same ? "it runs on, holding no table lock "
                        + "others wait for (" + now.state() + ")" : "it has ended") + "; " + now.waitingTotal()
                        + " session(s) wait on locks on " + node.name());
            }
        }));
        shapesBefore.forEach((relation, before) -> checks.add(Check.of(relation + " kept its shape", context -> {
            try (Connection c = operator(context)) {
                Optional<RelationShape> now = InFlightReads.shape(c, relation);
                if (now.equals(before)) {
                    return CheckResult.pass(relation + " kept its shape", "as before: "
                            + now.map(RelationShape::describe).orElse("absent, as before"));
                }
                return CheckResult.fail(relation + " kept its shape", "before: " + before.map(RelationShape::describe)
                        .orElse("absent") + "; now: " + now.map(RelationShape::describe).orElse("absent"),
                        "The migration committed part of its work (a non-transactional statement, or an earlier "
                                + "transaction): compare with its script, and undo it with the rollback workflow.");
            }
        })));
        checks.add(Check.of("the migration history does not claim it", context -> {
            try (Connection c = operator(context)) {
                List<HistoryState> now = InFlightReads.histories(c, historyTable);
                List<HistoryState> claiming = now.stream().filter(h -> !h.claimsNothingNewSince(before(h))).toList();
                boolean unread = now.stream().anyMatch(h -> h.unreadable().isPresent());
                if (claiming.isEmpty() && unread) {
                    return CheckResult.warn("the migration history does not claim it", describe(now),
                            "Read the history table Vigil could not read yourself: a new successful row there means the "
                                    + "migration reported success.");
                }
                if (claiming.isEmpty()) {
                    return CheckResult.pass("the migration history does not claim it", "no new successful row: "
                            + describe(now));
                }
                return CheckResult.fail("the migration history does not claim it", "a new successful row: "
                        + describe(claiming), "The migration reported success: check what it changed before anything "
                        + "else.");
            }
        }));
        return checks;
    }

    private Optional<HistoryState> before(HistoryState now) {
        return historiesBefore == null ? Optional.empty()
                : historiesBefore.stream().filter(b -> b.table().equals(now.table())).findFirst();
    }

    private String describe(List<HistoryState> histories) {
        return histories.isEmpty() ? "no " + historyTable + " table in any schema"
                : String.join("; ", histories.stream().map(HistoryState::describe).toList());
    }

    @Override
    public List<String> nextActions(Outcome outcome, List<StepRecord> attempted, List<dev.vigil.ops.workflow.Step> remaining,
                                    List<CheckResult> verification) {
        if (signal == Signal.CANCEL && attempted.size() == 2 && !attempted.get(1).done()) {
            return List.of("The cancel did not free the table: terminate pid " + pid + " (Terminate…, a second "
                    + "confirmation). Its transaction is rolled back either way.");
        }
        return List.of();
    }

    private Connection operator(WorkflowContext context) throws Exception {
        Connection c = ActionConnections.operator(cluster, node, ActionConnections.Limits.within(READ_LIMIT));
        context.abortOnTimeout(() -> c.abort(Runnable::run));
        return c;
    }

    private static String describeShapes(Map<String, Optional<RelationShape>> shapes) {
        if (shapes.isEmpty()) {
            return "it holds no strong table lock yet (queued)";
        }
        return String.join("; ", shapes.values().stream().map(s -> s.map(RelationShape::describe).orElse("?")).toList());
    }

    private static String trail(List<Integer> counts) {
        return String.join(" → ", counts.stream().map(String::valueOf).toList());
    }

    private static String oneLine(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

}
