package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.AckedCommit;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.Waits;
import dev.vigil.lab.Workload;
import dev.vigil.lab.WriteOutage;
import dev.vigil.ops.CheckResult;
import dev.vigil.ops.Outcome;
import dev.vigil.ops.Proposal;
import dev.vigil.ops.StepRecord;
import dev.vigil.ops.WorkflowReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guided switchovers on a real 3-node lab under a write workload: five in alternate directions, each losing no
 * acknowledged commit, re-pointing every standby and rejoining the old primary, with every step journaled.
 * Subclasses choose the binaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SwitchoverBehaviour {
    private static final Duration WAIT = Duration.ofSeconds(30);
    FailoverLab lab;

    abstract Optional<Path> pgBin();

    @BeforeAll
    void start(@TempDir Path dir) {
        lab = new FailoverLab(pgBin(), dir).withCluster("so", 2);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    SwitchoverWorkflow switchover(String to) {
        return new SwitchoverWorkflow(lab.definition, to, lab.control, FailoverSettings.defaults(), lab.fences);
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
}
