package dev.vigil.ops.session;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.TopologyReader;
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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cancels the running query of, or terminates, one or more backends on one node. One step per backend; each
 * signal goes out only while the backend is still the one the operator saw (same pid and backend start).
 * Prechecks: the operator can log in, each backend is still the one shown, it is not Vigil's own, and the
 * operator may signal it. Verification: the query no longer runs (cancel) or the backend is gone (terminate).
 */
public final class SessionSignalWorkflow implements Workflow {
    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration VERIFY_WAIT = Duration.ofSeconds(5);
    /** A signalled backend reacts at its next interrupt check, within milliseconds; the report says how soon. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final ClusterDefinition cluster;
    private final NodeEndpoint node;
    private final Signal signal;
    private final List<SessionTarget> targets;

    public SessionSignalWorkflow(ClusterDefinition cluster, String node, Signal signal, List<SessionTarget> targets) {
        this.cluster = cluster;
        this.node = cluster.node(node).orElseThrow(() -> new IllegalArgumentException("cluster " + cluster.name()
                + " has no node " + node));
        this.signal = signal;
        Map<Integer, SessionTarget> byPid = new LinkedHashMap<>();
        targets.forEach(t -> byPid.putIfAbsent(t.pid(), t));
        if (byPid.isEmpty()) {
            throw new IllegalArgumentException("no session to " + signal.name().toLowerCase(java.util.Locale.ROOT));
        }
        this.targets = List.copyOf(byPid.values());
    }

    public static SessionSignalWorkflow cancel(ClusterDefinition cluster, String node, List<SessionTarget> targets) {
        return new SessionSignalWorkflow(cluster, node, Signal.CANCEL, targets);
    }

    public static SessionSignalWorkflow terminate(ClusterDefinition cluster, String node, List<SessionTarget> targets) {
        return new SessionSignalWorkflow(cluster, node, Signal.TERMINATE, targets);
    }

    public Signal signal() {
        return signal;
    }

    public List<SessionTarget> targets() {
        return targets;
    }

    @Override
    public String cluster() {
        return cluster.name();
    }

    @Override
    public String title() {
        String who = targets.size() == 1 ? "pid " + targets.get(0).pid() : targets.size() + " sessions";
        return (signal == Signal.CANCEL ? (targets.size() == 1 ? "Cancel the query of " : "Cancel the queries of ")
                : "Terminate ") + who + " on " + node.name();
    }

    @Override
    public String kind() {
        return signal.kind();
    }

    @Override
    public Optional<String> node() {
        return Optional.of(node.name());
    }

    @Override
    public Topology topology(WorkflowContext context) {
        return TopologyReader.read(cluster, List.of(node), Optional.of(node.name()), context);
    }

    @Override
    public Plan plan(Topology topology) {
        return new Plan(targets.stream().map(this::step).toList());
    }

    private Step step(SessionTarget t) {
        Command command = Command.sql(signal.sql(), t.pid(), t.backendStart());
        String title = (signal == Signal.CANCEL ? "Cancel the query of pid " : "Terminate pid ") + t.pid();
        return new Step(title, t.describe(), node.name(), command, STEP_TIMEOUT, context -> send(t, command, context));
    }

    private StepResult send(SessionTarget t, Command command, WorkflowContext context) throws SQLException {
        Connection c;
        try {
            c = ActionConnections.operator(cluster, node, ActionConnections.Limits.within(STEP_TIMEOUT));
        } catch (MissingOperatorLogin e) {
            return StepResult.failed(e.getMessage() + " Nothing was sent.");
        } catch (SQLException e) {
            return StepResult.failed("could not log in to " + node.name() + ", so nothing was sent: " + e.getMessage());
        }
        try (c; PreparedStatement st = c.prepareStatement(command.text())) {
            context.abortOnTimeout(() -> c.abort(Runnable::run));
            st.setInt(1, t.pid());
            st.setObject(2, OffsetDateTime.ofInstant(t.backendStart(), ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return StepResult.done("nothing to do: pid " + t.pid() + " (started " + at(t.backendStart())
                            + ") had already ended, so nothing was sent", Map.of("signalled", "false"));
                }
                if (!rs.getBoolean("signalled")) {
                    return StepResult.failed("the server did not signal pid " + t.pid() + " (it was no longer a "
                            + "server process when the signal went out)");
                }
                Map<String, String> facts = new HashMap<>();
                facts.put("signalled", "true");
                facts.put("state_at_signal", SeenSession.text(rs, "state"));
                SeenSession.instant(rs, "query_start").ifPresent(q -> facts.put("query_start_at_signal", q.toString()));
                return StepResult.done((signal == Signal.CANCEL ? "cancel" : "terminate") + " signal sent to pid "
                        + t.pid() + ", which was " + blankAs(facts.get("state_at_signal"), "in no state"), facts);
            }
        }
    }

    @Override
    public String consequence(Topology topology, Plan plan) {
        String where = node.name() + topology.node(node.name()).filter(n -> n.reachable())
                .map(n -> " (" + n.role().name().toLowerCase(java.util.Locale.ROOT) + ")").orElse("");
        String which = targets.size() == 1 ? "pid " + targets.get(0).pid() : "each of these " + targets.size()
                + " sessions";
        if (signal == Signal.CANCEL) {
            return "The query running in " + which + " on " + where + " is cancelled: its client gets an error "
                    + "(SQLSTATE 57014), the query's work is rolled back, and an open transaction is left aborted "
                    + "until the client rolls back. The session stays connected. A session not running a query is "
                    + "not affected.";
        }
        return (targets.size() == 1 ? "Pid " + targets.get(0).pid() : "Each of these " + targets.size() + " sessions")
                + " on " + where + " is ended: its connection closes, its open transaction is rolled back and its "
                + "locks are released. Its client sees the connection drop and must reconnect.";
    }

    // --- prechecks ----------------------------------------------------------------------------------------

    @Override
    public List<Check> prechecks(Topology topology, Plan plan) {
        List<Integer> pids = targets.stream().map(SessionTarget::pid).toList();
        Memo<Map<Integer, SeenSession>> seen = new Memo<>(ctx -> {
            try {
                return SessionReads.sessions(node, pids, ctx);
            } catch (SQLException e) {
                throw new SQLException("could not read pg_stat_activity on " + node.name() + " as " + node.user()
                        + ": " + e.getMessage(), e.getSQLState(), e);
            }
        });
        Memo<SessionReads.Privileges> privileges = new Memo<>(ctx -> SessionReads.privileges(cluster, node, pids, ctx));
        List<Check> checks = new ArrayList<>();
        checks.add(Check.of("operator login on " + node.name(), ctx -> operatorLogin(privileges, ctx)));
        for (SessionTarget t : targets) {
            checks.add(Check.of("pid " + t.pid() + " is the session shown", ctx -> sameSession(t, seen.get(ctx))));
            checks.add(Check.of("pid " + t.pid() + " is a client session, not Vigil's own",
                    ctx -> notVigil(t, seen.get(ctx))));
            if (signal == Signal.CANCEL) {
                checks.add(Check.of("pid " + t.pid() + " is running a query", ctx -> runningQuery(t, seen.get(ctx))));
            }
            checks.add(Check.of("operator may signal pid " + t.pid(), ctx -> {
                try {
                    return maySignal(t, privileges.get(ctx));
                } catch (MissingOperatorLogin e) {
                    return CheckResult.fail("operator may signal pid " + t.pid(), e.getMessage(),
                            MissingOperatorLogin.fix(cluster.name()));
                }
            }));
        }
        return checks;
    }

    private CheckResult operatorLogin(Memo<SessionReads.Privileges> privileges, WorkflowContext ctx) {
        String name = "operator login on " + node.name();
        try {
            SessionReads.Privileges p = privileges.get(ctx);
            return CheckResult.pass(name, "logged in to " + node.name() + " (" + node.address() + ") as " + p.operator()
                    + (p.superuser() ? ", a superuser" : p.signalBackend() ? ", a member of pg_signal_backend"
                    : ", neither superuser nor a member of pg_signal_backend"));
        } catch (MissingOperatorLogin e) {
            return CheckResult.fail(name, e.getMessage(), MissingOperatorLogin.fix(cluster.name()));
        } catch (Exception e) {
            String user = cluster.actions().map(a -> a.user()).orElse("?");
            return CheckResult.fail(name, "could not log in to " + node.name() + " (" + node.address() + ") as " + user
                    + ": " + e.getMessage(), "Check the password of " + user + " (" + cluster.actions()
                    .map(a -> a.passwordHint(node)).orElse("") + ") and that pg_hba.conf lets " + user
                    + " connect from this host.");
        }
    }

    private CheckResult sameSession(SessionTarget t, Map<Integer, SeenSession> seen) {
        String name = "pid " + t.pid() + " is the session shown";
        SeenSession now = seen.get(t.pid());
        if (now == null) {
            return CheckResult.fail(name, "no backend with pid " + t.pid() + " on " + node.name() + " now: the "
                    + "session shown (" + t.user() + ", started " + at(t.backendStart()) + ") has ended",
                    "Nothing to do for it. Refresh the sessions and choose again if another needs it.");
        }
        if (!now.isBackend(t)) {
            return CheckResult.fail(name, "pid " + t.pid() + " now belongs to another session: " + now.user()
                    + " · " + blankAs(now.application(), "no application name") + ", started "
                    + now.backendStart().map(SessionSignalWorkflow::at).orElse("at an unknown time") + ", not "
                    + at(t.backendStart()) + " as shown",
                    "The session shown has ended and its pid was reused. Refresh the sessions and choose again.");
        }
        String same = "same backend: " + now.user() + " · " + blankAs(now.application(), "no application name")
                + ", started " + at(t.backendStart());
        if (signal == Signal.CANCEL && t.queryStart().isPresent() && !t.queryStart().equals(now.queryStart())
                && "active".equals(now.state())) {
            return CheckResult.warn(name, same + "; but it now runs a newer query, started "
                    + now.queryStart().map(SessionSignalWorkflow::at).orElse("?") + ": "
                    + SessionTarget.oneLine(now.query()), "The cancel stops whatever runs when it is sent. Refresh "
                    + "to see the new query, or acknowledge to cancel it.");
        }
        return CheckResult.pass(name, same);
    }

    private CheckResult notVigil(SessionTarget t, Map<Integer, SeenSession> seen) {
        String name = "pid " + t.pid() + " is a client session, not Vigil's own";
        SeenSession now = seen.get(t.pid());
        if (now == null || !now.isBackend(t)) {
            return CheckResult.fail(name, "the session shown is no longer there", "See the check above.");
        }
        if (VIGIL_APPLICATIONS.contains(now.application())) {
            return CheckResult.fail(name, "pid " + t.pid() + " is Vigil's own " + now.application() + " session",
                    "Vigil's sessions end when Vigil stops watching or acting; close the Vigil that owns it instead.");
        }
        if (!"client backend".equals(now.backendType())) {
            return CheckResult.warn(name, "pid " + t.pid() + " is a " + now.backendType() + ", not a client session",
                    effectOnProcess(now.backendType()));
        }
        return CheckResult.pass(name, "client backend, application " + blankAs(now.application(), "not named"));
    }

    private CheckResult runningQuery(SessionTarget t, Map<Integer, SeenSession> seen) {
        String name = "pid " + t.pid() + " is running a query";
        SeenSession now = seen.get(t.pid());
        if (now == null || !now.isBackend(t)) {
            return CheckResult.fail(name, "the session shown is no longer there", "See the check above.");
        }
        if ("active".equals(now.state())) {
            return CheckResult.pass(name, "active since " + now.queryStart().map(SessionSignalWorkflow::at).orElse("?")
                    + ", " + now.waiting());
        }
        return CheckResult.warn(name, "pid " + t.pid() + " is " + blankAs(now.state(), "in no state")
                + ": a cancel does nothing to a session that is not running a query",
                "To end its open transaction and release its locks, terminate the session instead.");
    }

    private CheckResult maySignal(SessionTarget t, SessionReads.Privileges p) {
        String name = "operator may signal pid " + t.pid();
        SessionReads.Target target = p.targets().get(t.pid());
        if (target == null) {
            return CheckResult.fail(name, "pid " + t.pid() + " is not on " + node.name() + " now",
                    "See the check of the session above.");
        }
        if (p.superuser()) {
            return CheckResult.pass(name, p.operator() + " is a superuser");
        }
        if (target.superuser()) {
            return CheckResult.fail(name, "pid " + t.pid() + " runs as superuser " + target.user() + ", and only a "
                    + "superuser may signal it; " + p.operator() + " is not one",
                    "Set actions_user of cluster " + cluster.name() + " to a superuser role for this, or ask "
                            + target.user() + "'s owner to stop it.");
        }
        boolean mayAct = target.operatorHasRole() || p.signalBackend();
        boolean seesStart = target.backendStart().isPresent();
        if (mayAct && seesStart) {
            return CheckResult.pass(name, target.operatorHasRole() ? p.operator() + " has the privileges of role "
                    + target.user() + ", which runs pid " + t.pid() : p.operator() + " is a member of "
                    + "pg_signal_backend and " + target.user() + " is not a superuser");
        }
        List<String> missing = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (!mayAct) {
            missing.add("pg_signal_backend");
            why.add("is not a superuser, not a member of pg_signal_backend, and lacks the privileges of role "
                    + target.user() + ", which runs pid " + t.pid());
        }
        if (!seesStart) {
            missing.add("pg_read_all_stats");
            why.add("may not see when pid " + t.pid() + " started, which the pid-reuse guard compares before "
                    + "signalling");
        }
        return CheckResult.fail(name, p.operator() + " " + String.join(", and ", why), "GRANT "
                + String.join(", ", missing) + " TO " + dev.vigil.sql.Identifiers.quote(p.operator()) + ";");
    }

    private static final java.util.Set<String> VIGIL_APPLICATIONS = dev.vigil.cluster.VigilApplications.ALL;

    private static String effectOnProcess(String backendType) {
        return switch (backendType) {
            case "walsender" -> "It streams WAL to a standby or a subscriber: signalling it interrupts replication "
                    + "until the receiver reconnects. Acknowledge only if that is what you want.";
            case "autovacuum worker" -> "Autovacuum starts it again later and redoes the work; acknowledge to go on.";
            default -> "It is a server process, not a client session: signalling it may affect the whole server. "
                    + "Acknowledge only if you know its role.";
        };
    }

    // --- verification -------------------------------------------------------------------------------------

    @Override
    public List<Check> verifications(Plan plan, List<StepRecord> attempted) {
        List<Check> checks = new ArrayList<>();
        for (StepRecord r : attempted) {
            SessionTarget t = targets.get(r.number() - 1);
            if (signal == Signal.CANCEL) {
                Optional<Instant> query = Optional.ofNullable(r.facts().get("query_start_at_signal"))
                        .map(Instant::parse).or(t::queryStart);
                checks.add(Check.of("pid " + t.pid() + " no longer runs the query", VERIFY_WAIT.plusSeconds(5),
                        ctx -> verifyCancelled(t, query, ctx)));
            } else {
                checks.add(Check.of("pid " + t.pid() + " is gone", VERIFY_WAIT.plusSeconds(5),
                        ctx -> verifyTerminated(t, ctx)));
            }
        }
        return checks;
    }

    private CheckResult verifyCancelled(SessionTarget t, Optional<Instant> query, WorkflowContext ctx)
            throws SQLException, InterruptedException {
        String name = "pid " + t.pid() + " no longer runs the query";
        Seen last = await(t, now -> now.isEmpty() || !now.get().runs(query), ctx);
        if (last.session().isEmpty()) {
            return CheckResult.pass(name, "the session has ended (seen after " + last.took().toMillis() + " ms)");
        }
        SeenSession now = last.session().get();
        if (!now.runs(query)) {
            return CheckResult.pass(name, "seen after " + last.took().toMillis() + " ms: " + ("active".equals(now.state())
                    ? "a newer query runs, started " + now.queryStart().map(SessionSignalWorkflow::at).orElse("?")
                    : "now " + now.state()));
        }
        return CheckResult.fail(name, "after " + VERIFY_WAIT.toSeconds() + " s the same query (started "
                + now.queryStart().map(SessionSignalWorkflow::at).orElse("?") + ") still runs, " + now.waiting(),
                "Some waits ignore a cancel until they return (a client that does not read, some extension code). "
                        + "Terminate the session if it must stop now.");
    }

    private CheckResult verifyTerminated(SessionTarget t, WorkflowContext ctx) throws SQLException, InterruptedException {
        String name = "pid " + t.pid() + " is gone";
        Seen last = await(t, Optional::isEmpty, ctx);
        if (last.session().isEmpty()) {
            return CheckResult.pass(name, "pid " + t.pid() + " (started " + at(t.backendStart()) + ") is no longer on "
                    + node.name() + " (seen after " + last.took().toMillis() + " ms)");
        }
        SeenSession now = last.session().get();
        return CheckResult.fail(name, "after " + VERIFY_WAIT.toSeconds() + " s pid " + t.pid() + " is still there, "
                + blankAs(now.state(), "in no state") + ", " + now.waiting(),
                "A backend ends at its next interrupt check; one stuck in a system call ends when that returns. Look "
                        + "at the server log of " + node.name() + " and at the process (pid " + t.pid() + ") on the host.");
    }

    private record Seen(Optional<SeenSession> session, Duration took) {}

    /** Polls the target (as the same backend, or nothing) until {@code done} holds or VERIFY_WAIT runs out. */
    private Seen await(SessionTarget t, java.util.function.Predicate<Optional<SeenSession>> done, WorkflowContext ctx)
            throws SQLException, InterruptedException {
        Poll.Outcome<Optional<SeenSession>> seen = ctx.poll(POLL, VERIFY_WAIT).over(
                ctx.aborting(() -> ActionConnections.reader(node, SessionReads.LIMITS)), c -> {
            Optional<SeenSession> now = Optional.ofNullable(SessionReads.sessions(c, List.of(t.pid())).get(t.pid()))
                    .filter(s -> s.isBackend(t));
            return done.test(now) ? Poll.Look.done(now) : Poll.Look.notYet(now, "pid " + t.pid() + " still there");
        });
        return new Seen(seen.lastSeen().orElse(Optional.empty()), seen.waited());
    }

    // --- after a stop -------------------------------------------------------------------------------------

    @Override
    public List<String> nextActions(Outcome outcome, List<StepRecord> attempted, List<Step> remaining,
                                    List<CheckResult> verification) {
        List<String> next = new ArrayList<>();
        attempted.stream().filter(r -> !r.done()).forEach(r -> next.add("Refresh the sessions of " + node.name()
                + ": if pid " + targets.get(r.number() - 1).pid() + " is still there with the same start time, "
                + "choose it again."));
        if (!remaining.isEmpty()) {
            next.add("Not signalled: " + (remaining.size() == 1 ? "pid " : "pids ") + targets.subList(targets.size()
                    - remaining.size(), targets.size()).stream().map(t -> Integer.toString(t.pid()))
                    .collect(Collectors.joining(", ")) + ". Choose them again if they still need it.");
        }
        if (outcome == Outcome.NOT_VERIFIED && signal == Signal.CANCEL) {
            next.add("A query that ignores the cancel can be stopped by terminating its session.");
        }
        return next;
    }

    // --- helpers ------------------------------------------------------------------------------------------

    static String at(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    private static String blankAs(String s, String instead) {
        return s == null || s.isEmpty() ? instead : s;
    }

    /** One read shared by the checks of one precheck pass; its failure is each dependent check's evidence. */
    private static final class Memo<T> {
        interface Read<T> {
            T read(WorkflowContext context) throws Exception;
        }

        private final Read<T> read;
        private T value;
        private Exception error;
        private boolean done;

        Memo(Read<T> read) {
            this.read = read;
        }

        synchronized T get(WorkflowContext context) throws Exception {
            if (!done) {
                try {
                    value = read.read(context);
                } catch (Exception e) {
                    error = e;
                }
                done = true;
            }
            if (error != null) {
                throw error;
            }
            return value;
        }
    }
}
