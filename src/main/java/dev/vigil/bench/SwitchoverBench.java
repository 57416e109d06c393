package dev.vigil.bench;

import dev.vigil.bench.SwitchoverFigures.FloorRun;
import dev.vigil.bench.SwitchoverFigures.Run;
import dev.vigil.bench.SwitchoverFigures.StepTime;
import dev.vigil.cli.Json;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.journal.Journal;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import dev.vigil.lab.StopMode;
import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.AckedCommit;
import dev.vigil.lab.workload.Workload;
import dev.vigil.lab.workload.WriteOutage;
import dev.vigil.ops.control.LabNodeControl;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.failover.FailoverSettings;
import dev.vigil.ops.failover.FailoverWorkflow;
import dev.vigil.ops.failover.LastSeen;
import dev.vigil.ops.failover.NodeFences;
import dev.vigil.ops.failover.RejoinWorkflow;
import dev.vigil.ops.failover.SwitchoverWorkflow;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Confirmation;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowEngine;
import dev.vigil.ops.workflow.WorkflowListener;
import dev.vigil.ops.workflow.WorkflowReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Switchover and failover through the real workflow engine on a 3-node lab under the shop workload, next to the
 * floor the server itself sets (a bare stop and promote). The figures come from the workload's log of
 * acknowledged commits, as a client sees them.
 */
@Command(name = "switchover", mixinStandardHelpOptions = true,
        description = {"Measure guided switchovers on a 3-node lab under ~150 tx/s: write outage, confirmation to "
                + "verified, acknowledged commits lost; the floor (bare stop + pg_promote); then a failover after "
                + "kill -9 (confirmation to first write, commits lost) and the rejoin of the old primary.",
                "Exit 0 when every workflow succeeded (whether or not the goals were met), 3 otherwise."})
public final class SwitchoverBench implements Callable<Integer> {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Workload.Settings LOAD = new Workload.Settings(150, 0.8, 4);

    @Spec
    CommandSpec spec;
    @Option(names = "--runs", defaultValue = "5", description = "Switchovers, in alternate directions (default ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--floor", defaultValue = "3", description = "Bare stop + promote measurements (default ${DEFAULT-VALUE}).")
    int floorRuns;
    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;
    @Option(names = "--pg-bin", paramLabel = "DIR", description = "PostgreSQL bin directory (default: from Maven).")
    Path pgBin;

    private LabCluster cluster;
    private ClusterDefinition definition;
    private NodeControl control;
    private NodeFences fences;
    private WorkflowEngine engine;
    private Workload workload;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        progress("starting a 3-node lab");
        try (Lab lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin));
             Journal journal = Journal.open(lab.dir().resolve("bench-journal.jsonl"))) {
            cluster = lab.createCluster("benchso", 2);
            definition = LabInventory.of(cluster);
            control = new LabNodeControl(cluster);
            fences = NodeFences.besideJournal(journal.file());
            try (WorkflowEngine e = new WorkflowEngine(journal);
                 Workload w = Workload.start(cluster, LOAD)) {
                engine = e;
                workload = w;
                awaitMoreAcks(30);
                List<Run> switchovers = new ArrayList<>();
                for (int i = 1; i <= runs; i++) {
                    String to = i % 2 == 1 ? "pg2" : "pg1";
                    progress("switchover " + i + " of " + runs + " to " + to);
                    Run r = switchover(i, to);
                    switchovers.add(r);
                    if (!r.outcome().equals(Outcome.SUCCEEDED.name())) {
                        break;
                    }
                }
                List<FloorRun> floor = new ArrayList<>();
                for (int i = 1; i <= floorRuns; i++) {
                    progress("floor " + i + " of " + floorRuns + ": bare stop + promote");
                    floor.add(floor(i));
                }
                progress("failover after kill -9 of the primary");
                SwitchoverFigures.Failover failover = failover();
                progress("rejoin of " + failover.from());
                SwitchoverFigures.Rejoin rejoin = rejoin(failover.from());
                SwitchoverFigures.Medians medians = SwitchoverFigures.medians(switchovers);
                Optional<Long> floorMedian = floor.isEmpty() ? Optional.empty()
                        : Optional.of(SwitchoverFigures.median(floor, FloorRun::writeOutageMillis));
                Optional<Double> ratio = floorMedian.filter(m -> m > 0)
                        .map(m -> (double) medians.writeOutageMillis() / m);
                SwitchoverFigures figures = new SwitchoverFigures(lab.binaries().toString(),
                        Runtime.getRuntime().availableProcessors(), String.format(java.util.Locale.ROOT,
                        "%.0f tx/s, %.0f%% writes, %d sessions", LOAD.transactionsPerSecond(),
                        LOAD.writeFraction() * 100, LOAD.workers()), switchovers, medians, floor, floorMedian, ratio,
                        Optional.of(failover), Optional.of(rejoin),
                        SwitchoverFigures.goals(switchovers, Optional.of(failover)), SwitchoverFigures.REFERENCES);
                if (json) {
                    out.println(Json.MAPPER.writeValueAsString(figures));
                } else {
                    figures.print(out);
                }
                out.flush();
                // The goals are figures to read; the exit code says whether every workflow did its job.
                boolean allSucceeded = switchovers.size() == runs && switchovers.stream()
                        .allMatch(r -> r.outcome().equals(Outcome.SUCCEEDED.name()))
                        && failover.outcome().equals(Outcome.SUCCEEDED.name())
                        && rejoin.outcome().equals(Outcome.SUCCEEDED.name());
                return allSucceeded ? 0 : 3;
            }
        }
    }

    private Run switchover(int n, String to) throws Exception {
        String from = cluster.primary().name();
        Timed t = runWorkflow(new SwitchoverWorkflow(definition, to, control, FailoverSettings.defaults(), fences));
        long after = awaitMoreAcks(20);
        List<AckedCommit> acked = workload.acknowledged();
        long outage = WriteOutage.longestGap(acked, t.confirmedNanos, t.finishedNanos)
                .map(g -> g.duration().toMillis()).orElse(-1L);
        int lost = Workload.missingOn(cluster.node(to), acked).size();
        return new Run(n, from, to, t.report.outcome().name(), t.prepareMillis, outage,
                (t.finishedNanos - t.confirmedNanos) / 1_000_000, after, lost, StepTime.of(t.report.steps()));
    }

    /** Stop and promote with nothing between, measured as the switchovers are; then repaired, untimed. */
    private FloorRun floor(int n) {
        LabNode primary = cluster.primary();
        LabNode next = cluster.nodes().stream().filter(x -> x != primary)
                .filter(x -> cluster.streamingStandbys(primary).contains(x.name())).findFirst()
                .orElseThrow(() -> new LabException("no standby streams from " + primary.name()));
        awaitMoreAcks(20);
        long t0 = System.nanoTime();
        primary.stop(StopMode.FAST);
        long t1 = System.nanoTime();
        next.promote();
        long t2 = System.nanoTime();
        awaitMoreAcks(20);
        List<AckedCommit> acked = workload.acknowledged();
        long outage = WriteOutage.longestGap(acked, t0, t2).map(g -> g.duration().toMillis()).orElse(-1L);
        int lost = Workload.missingOn(next, acked).size();
        repair(primary, next);
        return new FloorRun(n, primary.name(), next.name(), outage, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, lost);
    }

    /** The old primary back as a standby (re-cloned if it cannot follow), the other standby re-pointed. */
    private void repair(LabNode old, LabNode primary) {
        try {
            cluster.rejoinAsStandby(old, primary);
        } catch (LabException e) {
            cluster.reclone(old, primary);
        }
        if (!Waits.within(Duration.ofSeconds(15), () -> cluster.streamingStandbys(primary).contains(old.name()))) {
            cluster.reclone(old, primary);
        }
        List<LabNode> others = cluster.nodes().stream().filter(x -> x != primary).toList();
        others.stream().filter(x -> x != old).forEach(x -> cluster.repoint(x, primary));
        cluster.awaitStreaming(primary, others, WAIT);
    }

    private SwitchoverFigures.Failover failover() throws Exception {
        LabNode primary = cluster.primary();
        awaitMoreAcks(20);
        LastSeen seen = new LastSeen(primary.name(), primary.walPosition().current().orElseThrow(), Instant.now());
        long killed = System.nanoTime();
        primary.kill9();
        long killMillis = (System.nanoTime() - killed) / 1_000_000;
        FailoverWorkflow workflow = new FailoverWorkflow(definition, Optional.empty(), control,
                FailoverSettings.defaults(), fences, dev.vigil.ops.failover.LastSeenSource.fixed(Optional.of(seen), "the bench's reading"));
        Timed t = runWorkflow(workflow);
        String to = workflow.candidate().orElse("?");
        // Until the confirmation no node but the dying old primary could acknowledge a write (kill -9 returns once
        // its processes are gone); from it on, only the new primary can.
        long confirmed = t.confirmedNanos;
        long ackedByOld = beforeNanos(confirmed).size();
        long firstWrite = -1;
        int lost = -1;
        // Measured whenever the steps ran: a failover whose verification failed may still have a new primary.
        if (t.report.outcome().ranSteps()
                && Waits.within(WAIT, () -> workload.stats().acknowledgedWrites() > ackedByOld)) {
            firstWrite = workload.acknowledged().stream().mapToLong(AckedCommit::nanoTime).filter(x -> x > confirmed)
                    .min().orElse(-1);
            lost = Workload.missingOn(cluster.node(to), beforeNanos(confirmed)).size();
        }
        String dataLoss = t.proposal.prechecks().stream().filter(c -> c.name().equals("data-loss estimate"))
                .findFirst().map(c -> c.status() + ": " + c.evidence()).orElse("not run");
        long writable = t.report.steps().stream().filter(s -> s.role().equals(dev.vigil.ops.failover.StepRoles.CHECK_PROMOTED) && s.done())
                .findFirst().map(s -> Duration.between(t.confirmedAt, s.startedAt().plus(s.took())).toMillis())
                .orElse(-1L);
        return new SwitchoverFigures.Failover(primary.name(), to, t.report.outcome().name(), dataLoss, killMillis,
                t.prepareMillis, writable, firstWrite < 0 ? -1 : (firstWrite - t.confirmedNanos) / 1_000_000,
                (t.finishedNanos - t.confirmedNanos) / 1_000_000,
                firstWrite < 0 ? -1 : (firstWrite - killed) / 1_000_000, ackedByOld, lost,
                StepTime.of(t.report.steps()));
    }

    private List<AckedCommit> beforeNanos(long nanos) {
        return workload.acknowledged().stream().filter(a -> a.nanoTime() < nanos).toList();
    }

    private SwitchoverFigures.Rejoin rejoin(String node) throws Exception {
        RejoinWorkflow workflow = new RejoinWorkflow(definition, node, control, FailoverSettings.defaults(), fences);
        Timed t = runWorkflow(workflow);
        return new SwitchoverFigures.Rejoin(node, workflow.method().name().toLowerCase(java.util.Locale.ROOT),
                t.report.outcome().name(), (t.finishedNanos - t.confirmedNanos) / 1_000_000,
                StepTime.of(t.report.steps()));
    }

    private record Timed(Proposal proposal, WorkflowReport report, long prepareMillis, Instant confirmedAt,
                         long confirmedNanos, long finishedNanos) {}

    /** Prepare, then confirm in full (warnings acknowledged, name typed) and run; timed from the confirmation. */
    private Timed runWorkflow(Workflow workflow) throws Exception {
        long p0 = System.nanoTime();
        Proposal proposal = engine.prepare(workflow, WorkflowListener.NONE).get(2, TimeUnit.MINUTES);
        long prepared = System.nanoTime();
        if (proposal.blocked()) {
            warn("blocked: " + proposal.failures().stream().map(c -> c.name() + ": " + c.evidence()).toList());
        }
        Instant confirmedAt = Instant.now();
        long confirmed = System.nanoTime();
        WorkflowReport report = engine.execute(proposal, Confirmation.confirm().acknowledgingWarnings()
                .typing(proposal.confirmationWord()), WorkflowListener.NONE).report().get(10, TimeUnit.MINUTES);
        long finished = System.nanoTime();
        if (report.outcome() != Outcome.SUCCEEDED) {
            // On stderr even with --json: the figures of this workflow need this to be read right.
            warn(workflow.title() + ": " + report.outcome() + ": " + report.summary() + " "
                    + report.verification().stream().filter(c -> !c.passed()).map(CheckResult::evidence).toList());
        }
        return new Timed(proposal, report, (prepared - p0) / 1_000_000, confirmedAt, confirmed, finished);
    }

    /** Waits until the workload has {@code more} further acknowledged writes; returns the count then. */
    private long awaitMoreAcks(int more) {
        long from = workload.stats().acknowledgedWrites();
        Waits.until(WAIT, more + " more acknowledged writes (last error: " + workload.stats().lastError() + ")",
                () -> workload.stats().acknowledgedWrites() >= from + more);
        return workload.stats().acknowledgedWrites();
    }

    private void warn(String what) {
        spec.commandLine().getErr().println("bench: " + what);
        spec.commandLine().getErr().flush();
    }

    private void progress(String what) {
        if (!json) {
            spec.commandLine().getErr().println("bench: " + what + " ...");
            spec.commandLine().getErr().flush();
        }
    }
}
