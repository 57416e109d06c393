package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.AckedCommit;
import dev.vigil.lab.workload.Workload;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.WorkflowReport;
import dev.vigil.sql.Lsn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A failover after kill -9 of the primary's postmaster, under a write workload, then the rejoin of the old
 * primary (pg_rewind where the binaries have it, else a re-clone). Subclasses choose the binaries.
 */
abstract class FailoverBehaviour extends OnFailoverLab {
    @Override
    abstract Optional<Path> pgBin();

    FailoverBehaviour() {
        super("fo");
    }

    @Test
    void failoverAfterKillNineThenRejoin() throws Exception {
        LabNode old = lab.cluster.primary();
        try (Workload workload = Workload.start(lab.cluster, new Workload.Settings(150, 0.8, 4))) {
            Waits.until(WAIT, "the workload's first commits", () -> workload.stats().acknowledgedWrites() >= 50);
            Lsn seen = old.walPosition().current().orElseThrow();
            LastSeen lastSeen = new LastSeen(old.name(), seen, Instant.now());
            old.kill9();
            // What each standby has now, asked directly: the most advanced must be proposed.
            LabNode mostAdvanced = lab.cluster.nodes().stream().filter(n -> n != old)
                    .max(Comparator.comparing((LabNode n) -> n.walPosition().received().orElseThrow())
                            .thenComparing(LabNode::name, Comparator.reverseOrder())).orElseThrow();
            FailoverWorkflow failover = new FailoverWorkflow(lab.definition, Optional.empty(), lab.control,
                    FailoverSettings.defaults(), lab.fences, LastSeenSource.fixed(Optional.of(lastSeen), "the test's monitor"));
            Proposal p = lab.prepare(failover);
            assertThat(p.blocked()).as(p.prechecks().toString()).isFalse();
            assertThat(failover.candidate()).contains(mostAdvanced.name());
            assertThat(failover.oldPrimary()).contains(old.name());
            assertThat(check(p, "is unreachable").passed()).isTrue();
            CheckResult loss = check(p, "data-loss estimate");
            assertThat(loss.evidence()).contains(seen.toString()).contains(mostAdvanced.name());
            assertThat(check(p, "is the standby to promote").evidence()).contains("received");
            assertThat(check(p, old.name() + " is fenced").evidence()).contains("confirmed down");
            assertThat(p.typedConfirmationRequired()).isTrue();
            assertThat(p.consequence()).contains("needs rejoin").contains("lost");

            long before = workload.stats().acknowledgedWrites();
            long t0 = System.nanoTime();
            WorkflowReport r = lab.confirmAll(p);
            assertThat(r.outcome()).as(r.summary() + " " + r.verification()).isEqualTo(Outcome.SUCCEEDED);
            Waits.until(WAIT, "writes on " + mostAdvanced.name(), () -> workload.stats().acknowledgedWrites() >= before + 30);
            List<AckedCommit> acked = workload.acknowledged();
            long firstWrite = acked.stream().mapToLong(AckedCommit::nanoTime).filter(n -> n > t0).min().orElseThrow();
            System.out.printf("[failover] %s -> %s: confirmation to first acknowledged write %d ms, %d acknowledged "
                            + "commits missing on the new primary (async replication), steps %s%n", old.name(),
                    mostAdvanced.name(), (firstWrite - t0) / 1_000_000, Workload.missingOn(mostAdvanced, acked).size(),
                    r.steps().stream().map(s -> s.number() + " " + s.took().toMillis() + "ms").toList());
            assertThat(lab.writablePrimaries()).containsExactly(mostAdvanced.name());
            // The old primary is fenced: not running, marked, and only ever startable as a standby.
            assertThat(old.isRunning()).isFalse();
            assertThat(Files.exists(old.dataDir().resolve("standby.signal"))).isTrue();
            assertThat(lab.fences.fenced(lab.definition.name())).containsKey(old.name());
            assertThat(lab.cluster.streamingStandbys(mostAdvanced)).containsExactlyInAnyOrder(lab.cluster.nodes().stream()
                    .map(LabNode::name).filter(n -> !n.equals(old.name()) && !n.equals(mostAdvanced.name()))
                    .toArray(String[]::new));

            RejoinWorkflow rejoin = new RejoinWorkflow(lab.definition, old.name(), lab.control, FailoverSettings.defaults(),
                    lab.fences);
            Proposal rp = lab.prepare(rejoin);
            assertThat(rp.blocked()).as(rp.prechecks().toString()).isFalse();
            assertThat(rejoin.method()).isEqualTo(lab.cluster.canRewind() ? RejoinWorkflow.Method.REWIND
                    : RejoinWorkflow.Method.RECLONE);
            long r0 = System.nanoTime();
            WorkflowReport rr = lab.confirmAll(rp);
            if (rr.outcome() != Outcome.SUCCEEDED) {
                List<String> log = Files.readAllLines(old.logFile());
                System.out.println("[rejoin] steps " + rr.steps().stream().map(x -> x.detail()).toList());
                System.out.println("[rejoin] log of " + old.name() + ":\n" + String.join("\n",
                        log.subList(Math.max(0, log.size() - 40), log.size())));
            }
            assertThat(rr.outcome()).as(rr.summary() + " " + rr.verification()).isEqualTo(Outcome.SUCCEEDED);
            System.out.printf("[rejoin] %s by %s in %d ms, steps %s%n", old.name(), rejoin.method(),
                    (System.nanoTime() - r0) / 1_000_000, rr.steps().stream().map(s -> s.number() + " "
                            + s.took().toMillis() + "ms: " + s.detail()).toList());
            lab.cluster.awaitStreaming(mostAdvanced, List.of(old), WAIT);
            assertThat(old.isInRecovery()).isTrue();
            assertThat(lab.fences.fenced(lab.definition.name())).isEmpty();
            assertThat(lab.writablePrimaries()).containsExactly(mostAdvanced.name());
        }
    }
}
