package dev.vigil.ops.failover;

import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Proposal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the failover tests on a real lab share: one {@link FailoverLab} per test class with a primary and two
 * standbys, started before the first test and closed after the last (so a class's tests run on one cluster,
 * in the order it gives), a switchover to a node, and a precheck found by name. Subclasses name the cluster
 * (its constructor) and, for the embedded/system pairs, the binaries; a class that needs more setup adds its own
 * {@code @BeforeAll}, which JUnit runs after this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnFailoverLab {
    static final Duration WAIT = Duration.ofSeconds(30);
    private final String clusterName;
    FailoverLab lab;

    /** {@code clusterName}: the lab cluster's, each class its own. */
    OnFailoverLab(String clusterName) {
        this.clusterName = clusterName;
    }

    /** The PostgreSQL binaries to run; empty for the embedded ones. */
    Optional<Path> pgBin() {
        return Optional.empty();
    }

    @BeforeAll
    void startLab(@TempDir Path dir) {
        lab = new FailoverLab(pgBin(), dir).withCluster(clusterName, 2);
    }

    @AfterAll
    void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /** A switchover to {@code to} with the lab's own node control and the default settings. */
    SwitchoverWorkflow switchover(String to) {
        return new SwitchoverWorkflow(lab.definition, to, lab.control, FailoverSettings.defaults(), lab.fences);
    }

    static CheckResult check(Proposal p, String namePart) {
        return p.prechecks().stream().filter(c -> c.name().contains(namePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no precheck named like '" + namePart + "' in " + p.prechecks()));
    }
}
