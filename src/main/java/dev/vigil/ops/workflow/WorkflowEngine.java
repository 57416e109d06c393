package dev.vigil.ops.workflow;

import dev.vigil.journal.Journal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Vigil changes a cluster. {@link #prepare} reads the topology, makes the plan and runs the
 * prechecks; {@link #execute} takes the operator's {@link Confirmation} of that proposal, re-runs the prechecks,
 * runs the steps one by one with their time limits, verifies, and journals every moment, each line forced to
 * disk before the next step starts. {@link #dryRun} stops after the prechecks.
 *
 * <p>Everything runs on the engine's own executor; callers get futures and {@link WorkflowEvent}s. Only one
 * mutating workflow per cluster runs at a time in one engine, so the application keeps one engine.
 */
public final class WorkflowEngine implements AutoCloseable {
    static final Duration TOPOLOGY_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final WorkflowJournal journal;
    private final ExecutorService executor;
    private final TimeLimit timeLimit;
    private final ClusterLocks locks;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final Set<WorkflowRun> runs = ConcurrentHashMap.newKeySet();

    public WorkflowEngine(Journal journal) {
        this.journal = new WorkflowJournal(journal);
        this.locks = new ClusterLocks(Optional.ofNullable(journal.file().toAbsolutePath().getParent())
                .map(dir -> dir.resolve("cluster-locks")));
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vigil-workflow-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timeLimit = new TimeLimit(executor);
    }

    /** Steps 1 to 3: topology, plan, prechecks; journaled. The proposal is what the operator confirms. */
    public CompletableFuture<Proposal> prepare(Workflow workflow, WorkflowListener listener) {
        String runId = newRunId();
        return CompletableFuture.supplyAsync(() -> prepareNow(runId, workflow, new Events(runId, listener)), executor);
    }

    /** Topology, plan and prechecks, journaled with a dry-run outcome; nothing is changed. */
    public CompletableFuture<WorkflowReport> dryRun(Workflow workflow, WorkflowListener listener) {
        String runId = newRunId();
        Events events = new Events(runId, listener);
        return CompletableFuture.supplyAsync(() -> {
            Proposal p = prepareNow(runId, workflow, events);
            List<String> next = new ArrayList<>();
            if (p.blocked()) {
                p.failures().forEach(f -> next.add(f.name() + ": " + f.fix()));
            } else if (p.hasWarnings()) {
                next.add("Read the warnings: running it for real needs them acknowledged.");
            } else {
                next.add("Nothing blocks it: run it for real to " + lowerFirst(workflow.title()) + ".");
            }
            WorkflowReport report = new WorkflowReport(p, Outcome.DRY_RUN, "Stopped after the prechecks; nothing "
                    + "was changed. " + (p.blocked() ? "A real run would be blocked." : "A real run could go ahead."),
                    List.of(), List.of(), p.plan().steps(), List.of(), next, Instant.now());
            return finish(report, events);
        }, executor);
    }

    /**
     * Steps 4 to 7 for a proposal from {@link #prepare}. A declined or mismatched confirmation, or a cluster
     * busy with another workflow, ends the run at once with outcome DECLINED, BLOCKED or REFUSED, journaled.
     * Each proposal can be answered once.
     */
    public WorkflowRun execute(Proposal proposal, Confirmation confirmation, WorkflowListener listener) {
        WorkflowRun run = new WorkflowRun(proposal.runId(), proposal.workflow().title());
        Events events = new Events(proposal.runId(), listener);
        Workflow workflow = proposal.workflow();
        if (!answered.add(proposal.runId())) {
            return refused(run, proposal, confirmation, events, Outcome.REFUSED, "This proposal was already answered; "
                    + "plan again to act on the cluster as it is now.", List.of("Plan the action again."));
        }
        Optional<String> refusal = confirmation.refusal(proposal);
        if (refusal.isPresent()) {
            Outcome outcome = !confirmation.confirmed() ? Outcome.DECLINED
                    : proposal.blocked() ? Outcome.BLOCKED : Outcome.REFUSED;
            List<String> next = outcome == Outcome.BLOCKED ? fixes(proposal.failures()) : List.of();
            return refused(run, proposal, confirmation, events, outcome, "Not started: " + refusal.get() + ".", next);
        }
        RunningWorkflow holder = new RunningWorkflow(proposal.runId(), workflow.cluster(), workflow.title(),
                confirmation.operator(), Instant.now());
        if (workflow.mutating()) {
            Optional<RunningWorkflow> busy = locks.tryTake(holder);
            if (busy.isPresent()) {
                return refused(run, proposal, confirmation, events, Outcome.REFUSED, "Not started: cluster "
                        + workflow.cluster() + " is busy with " + busy.get().describe() + ".",
                        List.of("Wait for '" + busy.get().title() + "' to finish, then plan again."));
            }
        }
        runs.add(run);
        Runner runner = new Runner(proposal, confirmation, run, events, () -> {
            runs.remove(run);
            locks.release(holder);
        });
        CompletableFuture.runAsync(runner::run, executor);
        return run;
    }

    /** The mutating workflow that holds {@code cluster} now, if any. */
    public Optional<RunningWorkflow> running(String cluster) {
        return locks.holder(cluster);
    }

    /** The titles of the confirmed workflows running now, for a window that is asked to close. */
    public List<String> inProgress() {
        return runs.stream().map(WorkflowRun::title).sorted().toList();
    }

    /**
     * Asks every run to stop (after its current step, or after the uninterruptible stretch it is in), and lets the
     * executor's threads end. It does not wait: a caller that is about to exit the process should not close while
     * {@link #inProgress()} lists anything.
     */
    @Override
    public void close() {
        runs.forEach(WorkflowRun::cancel);
        executor.shutdown();
    }

    // --- preparing ----------------------------------------------------------------------------------------

    private Proposal prepareNow(String runId, Workflow workflow, Events events) {
        events.send(new WorkflowEvent.PhaseStarted(runId, WorkflowEvent.Phase.TOPOLOGY));
        TimeLimit.Timed<Topology> read = timeLimit.run(TOPOLOGY_TIMEOUT, () -> false, workflow::topology);
        Topology topology = read.value() != null ? read.value()
                : new Topology(workflow.cluster(), List.of(), workflow.node(), Instant.now());
        events.send(new WorkflowEvent.TopologyRead(runId, topology));

        events.send(new WorkflowEvent.PhaseStarted(runId, WorkflowEvent.Phase.PLAN));
        Plan plan = workflow.plan(topology);
        events.send(new WorkflowEvent.Planned(runId, plan));

        events.send(new WorkflowEvent.PhaseStarted(runId, WorkflowEvent.Phase.PRECHECKS));
        List<CheckResult> results = new ArrayList<>();
        if (read.value() == null) {
            CheckResult unread = CheckResult.fail("topology of " + workflow.cluster(), read.timedOut()
                            ? "not read within " + TOPOLOGY_TIMEOUT.toSeconds() + " s" : "not read: " + describe(read.error()),
                    "Check that the nodes are reachable, then plan again.");
            results.add(unread);
            events.send(new WorkflowEvent.PrecheckFinished(runId, unread, false));
        }
        if (workflow.mutating()) {
            CheckResult idle = clusterIdle(workflow.cluster());
            results.add(idle);
            events.send(new WorkflowEvent.PrecheckFinished(runId, idle, false));
        }
        results.addAll(runChecks(workflow.prechecks(topology, plan), () -> false,
                r -> events.send(new WorkflowEvent.PrecheckFinished(runId, r, false))));
        Proposal proposal = new Proposal(runId, workflow, topology, plan, results,
                workflow.consequence(topology, plan), Instant.now());
        journal.planned(proposal);
        journal.checks(proposal, "action.prechecks", results);
        events.send(new WorkflowEvent.Prepared(runId, proposal));
        return proposal;
    }

    private CheckResult clusterIdle(String cluster) {
        String name = "no other action running on " + cluster;
        return locks.busy(cluster)
                .map(r -> CheckResult.fail(name, r + " is running", "Wait for it to finish, then plan again."))
                .orElseGet(() -> CheckResult.pass(name, "no workflow holds " + cluster + " in any Vigil of this user"));
    }

    private List<CheckResult> runChecks(List<Check> checks, java.util.function.BooleanSupplier cancel,
                                        java.util.function.Consumer<CheckResult> each) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            TimeLimit.Timed<CheckResult> t = timeLimit.run(check.timeout(), cancel, check::run);
            CheckResult r = t.value() != null ? t.value()
                    : t.timedOut() ? CheckResult.fail(check.name(), "no answer within " + check.timeout().toSeconds()
                    + " s", "Check that the node answers, then plan again.")
                    : CheckResult.fail(check.name(), "could not be checked: " + describe(t.error()),
                    "Fix the cause of the error, then plan again.");
            results.add(r);
            each.accept(r);
        }
        return results;
    }

    // --- executing ----------------------------------------------------------------------------------------

    private WorkflowRun refused(WorkflowRun run, Proposal p, Confirmation c, Events events, Outcome outcome,
                                String summary, List<String> next) {
        CompletableFuture.runAsync(() -> {
            events.send(new WorkflowEvent.PhaseStarted(p.runId(), WorkflowEvent.Phase.CONFIRMATION));
            try {
                journal.confirmation(p, c, outcome == Outcome.DECLINED ? "Declined by " + c.operator()
                        : "Not started (" + outcome.label() + ")");
            } catch (RuntimeException e) {
                LOG.error("Could not journal the confirmation of run {}", p.runId(), e);
            }
            run.finish(finish(new WorkflowReport(p, outcome, summary, List.of(), List.of(), p.plan().steps(),
                    List.of(), next, Instant.now()), events));
        }, executor);
        return run;
    }

    /** Runs one confirmed proposal from the confirmation to the outcome; every way out is a report. */
    private final class Runner {
        private final Proposal p;
        private final Confirmation confirmation;
        private final WorkflowRun run;
        private final Events events;
        private final List<StepRecord> attempted = new ArrayList<>();
        private final List<CompletableFuture<Void>> stragglers = new ArrayList<>();
        private final Runnable release;
        private List<CheckResult> rechecks = List.of();
        /** When the plan's uninterruptible stretch began and ended (nanoTime; 0 until then). */
        private long stretchBegan;
        private long stretchEnded;

        Runner(Proposal p, Confirmation confirmation, WorkflowRun run, Events events, Runnable release) {
            this.p = p;
            this.confirmation = confirmation;
            this.run = run;
            this.events = events;
            this.release = release;
        }

        void run() {
            WorkflowReport report;
            try {
                report = steps();
            } catch (RuntimeException | Error e) {
                // The journal could not be written, or a workflow broke its contract: stop where we are.
                LOG.error("Workflow run {} stopped by an error", p.runId(), e);
                report = report(Outcome.FAILED, "Stopped by an error, so nothing further was run: " + describe(e)
                        + ".", List.of(), List.of("Look at the cluster before acting again: the steps listed as "
                        + "started may have taken effect."));
            }
            WorkflowReport finished = finish(report, events);
            // A step still running past its time limit keeps the cluster: nothing else may act beside it.
            CompletableFuture.allOf(stragglers.toArray(CompletableFuture[]::new)).whenComplete((x, y) -> release.run());
            run.finish(finished);
        }

        private WorkflowReport steps() {
            Workflow w = p.workflow();
            events.send(new WorkflowEvent.PhaseStarted(p.runId(), WorkflowEvent.Phase.CONFIRMATION));
            journal.confirmation(p, confirmation, "Confirmed by " + confirmation.operator()
                    + (confirmation.warningsAcknowledged() ? ", warnings acknowledged" : ""));
            events.send(new WorkflowEvent.PhaseStarted(p.runId(), WorkflowEvent.Phase.EXECUTE));
            rechecks = runChecks(w.prechecks(p.topology(), p.plan()), run::cancelRequested,
                    r -> events.send(new WorkflowEvent.PrecheckFinished(p.runId(), r, true)));
            journal.checks(p, "action.recheck", rechecks);
            Optional<String> worse = worsened(p.prechecks(), rechecks);
            if (worse.isPresent()) {
                return report(Outcome.BLOCKED, "Re-checked just before the first step, " + worse.get()
                        + ". Nothing was run.", List.of(), fixes(rechecks.stream().filter(r -> !r.passed()).toList()));
            }
            boolean cancelled = false;
            for (int n = 1; n <= p.plan().size(); n++) {
                if (run.cancelRequested() && p.plan().cancelStopsBefore(n)) {
                    cancelled = true;
                    break;
                }
                if (p.plan().uninterruptible().map(Plan.Uninterruptible::from).orElse(-1) == n) {
                    stretchBegan = System.nanoTime();
                }
                StepRecord record = step(n, p.plan().step(n));
                if (p.plan().uninterruptible().map(Plan.Uninterruptible::to).orElse(-1) == n) {
                    stretchEnded = System.nanoTime();
                }
                if (!record.done()) {
                    break;
                }
            }
            events.send(new WorkflowEvent.PhaseStarted(p.runId(), WorkflowEvent.Phase.VERIFY));
            List<CheckResult> verification = attempted.isEmpty() ? List.of()
                    : runChecks(w.verifications(p.plan(), List.copyOf(attempted)), () -> false,
                    r -> events.send(new WorkflowEvent.VerificationFinished(p.runId(), r)));
            if (!verification.isEmpty()) {
                journal.verification(p, verification);
            }
            return conclude(cancelled, verification);
        }

        private boolean cancelledInStretch() {
            long asked = run.cancelAskedAt();
            return stretchBegan != 0 && asked != 0 && asked >= stretchBegan && (stretchEnded == 0 || asked <= stretchEnded);
        }

        private StepRecord step(int n, Step step) {
            journal.stepStarting(p, n, step);
            events.send(new WorkflowEvent.StepStarted(p.runId(), n, p.plan().size(), step.title()));
            Instant startedAt = Instant.now();
            long t0 = System.nanoTime();
            boolean reached = p.plan().cancelReaches(n);
            TimeLimit.Timed<StepResult> t = timeLimit.run(step.timeout(), () -> reached && run.cancelRequested(),
                    step.action()::run);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            StepResult result;
            if (t.timedOut()) {
                result = StepResult.unknown("no answer within " + millis(step.timeout()) + "; it may or may not "
                        + "have taken effect");
                if (!t.finished().isDone()) {
                    stragglers.add(t.finished());
                }
            } else if (t.error() != null) {
                result = StepFailures.classify(t.error());
            } else {
                result = t.value();
            }
            StepRecord record = new StepRecord(n, step.title(), step.node(), result.outcome(), result.detail(),
                    result.facts(), startedAt, took, step.role());
            attempted.add(record);
            journal.stepFinished(p, record);
            events.send(new WorkflowEvent.StepFinished(p.runId(), record));
            return record;
        }

        private WorkflowReport conclude(boolean cancelled, List<CheckResult> verification) {
            int total = p.plan().size();
            Optional<StepRecord> stopper = attempted.stream().filter(r -> !r.done()).findFirst();
            int next1 = attempted.size() + 1;
            String notStarted = attempted.size() == total ? "" : " Not started: "
                    + (next1 == total ? "step " + total : "steps " + next1 + " to " + total) + ".";
            List<String> next = new ArrayList<>();
            Outcome outcome;
            String summary;
            if (stopper.isPresent()) {
                StepRecord s = stopper.get();
                outcome = s.outcome() == StepOutcome.FAILED ? Outcome.FAILED : Outcome.RESULT_UNKNOWN;
                summary = "Step " + s.number() + " of " + total + (outcome == Outcome.FAILED ? " failed: "
                        : " has an unknown result: ") + s.detail() + "."
                        + doneText() + notStarted;
                if (outcome == Outcome.FAILED) {
                    next.add((s.number() < total ? "Nothing after step " + s.number() + " was run. " : "")
                            + "Fix what made step " + s.number() + " fail, then plan again: the new plan starts from "
                            + "the cluster as it is then.");
                } else {
                    next.add("Step " + s.number() + " may or may not have taken effect: look at the cluster (the "
                            + "verification shows what was seen) before anything else, then plan again.");
                    if (!stragglers.isEmpty()) {
                        next.add("Step " + s.number() + " had not returned when its time ran out, so its connection "
                                + "was closed; new actions on " + p.workflow().cluster() + " are refused until it has.");
                    }
                }
            } else if (cancelled && attempted.size() < total) {
                outcome = Outcome.CANCELLED;
                summary = "Cancelled after step " + attempted.size() + " of " + total + "."
                        + p.plan().uninterruptible().filter(u -> cancelledInStretch())
                        .map(u -> " The cancel came during steps " + u.from() + " to " + u.to() + ", which ran to the "
                                + "end first: " + u.why() + ".").orElse("") + doneText() + notStarted;
                next.add("The steps not started were not run. Plan again to do them, if they are still wanted.");
            } else if (verification.stream().anyMatch(CheckResult::failed)) {
                outcome = Outcome.NOT_VERIFIED;
                CheckResult f = verification.stream().filter(CheckResult::failed).findFirst().orElseThrow();
                summary = "All " + total + " steps reported done, but the verification failed: " + f.name() + ": "
                        + f.evidence() + ".";
                next.add("Do not repeat it blindly: the cluster is not in the intended state. " + f.fix());
            } else {
                outcome = Outcome.SUCCEEDED;
                summary = (total == 1 ? "The step is done" : "All " + total + " steps are done")
                        + (verification.isEmpty() ? "." : " and verified.");
            }
            List<Step> remaining = p.plan().steps().subList(attempted.size(), total);
            if (outcome != Outcome.SUCCEEDED) {
                next.addAll(p.workflow().nextActions(outcome, List.copyOf(attempted), remaining, verification));
            }
            return new WorkflowReport(p, outcome, summary, rechecks, attempted, remaining, verification, next,
                    Instant.now());
        }

        private String doneText() {
            long done = attempted.stream().filter(StepRecord::done).count();
            return done == 0 ? " No step was done." : " Done: " + (done == 1 ? "step 1"
                    : done == 2 ? "steps 1 and 2" : "steps 1 to " + done) + ".";
        }

        private WorkflowReport report(Outcome outcome, String summary, List<CheckResult> verification,
                                      List<String> next) {
            return new WorkflowReport(p, outcome, summary, rechecks, attempted,
                    p.plan().steps().subList(attempted.size(), p.plan().size()), verification, next, Instant.now());
        }
    }

    /** A check that passed at planning and now warns or fails, or warned and now fails, blocks the run. */
    static Optional<String> worsened(List<CheckResult> before, List<CheckResult> now) {
        for (CheckResult r : now) {
            CheckResult.Status was = before.stream().filter(b -> b.name().equals(r.name())).findFirst()
                    .map(CheckResult::status).orElse(CheckResult.Status.PASS);
            if (r.status().compareTo(was) > 0) {
                return Optional.of("'" + r.name() + "' went from " + was + " to " + r.status() + " (" + r.evidence() + ")");
            }
        }
        return Optional.empty();
    }

    private WorkflowReport finish(WorkflowReport report, Events events) {
        try {
            journal.outcome(report);
        } catch (RuntimeException e) {
            LOG.error("Could not journal the outcome of run {}: {}", report.proposal().runId(), report.summary(), e);
        }
        events.send(new WorkflowEvent.PhaseStarted(report.proposal().runId(), WorkflowEvent.Phase.FINISHED));
        events.send(new WorkflowEvent.Finished(report.proposal().runId(), report));
        return report;
    }

    private static List<String> fixes(List<CheckResult> checks) {
        return checks.stream().map(c -> c.name() + ": " + c.fix()).toList();
    }

    private static String describe(Throwable e) {
        return e == null ? "unknown error" : StepFailures.describe(e);
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Hands events to the listener; a listener that throws must not stop a half-done workflow. */
    private record Events(String runId, WorkflowListener listener) {
        void send(WorkflowEvent event) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.warn("A workflow listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
                LOG.debug("The listener's failure", e);
            }
        }
    }
}
