package dev.vigil.ops.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLocksTest {
    @TempDir
    Path dir;

    private static RunningWorkflow run(String id, String title) {
        return new RunningWorkflow(id, "lab:demo@42", title, "ops", Instant.parse("2026-11-24T05:00:00Z"));
    }

    @Test
    void aSecondHolderOfTheSameDirectoryIsRefusedWithTheFirstOnesName() {
        ClusterLocks console = new ClusterLocks(Optional.of(dir));
        ClusterLocks cli = new ClusterLocks(Optional.of(dir));
        RunningWorkflow switchover = run("aa", "Switch over demo to pg2");
        assertThat(console.tryTake(switchover)).isEmpty();
        Optional<RunningWorkflow> refused = cli.tryTake(run("bb", "Fail over demo"));
        assertThat(refused).isPresent();
        assertThat(refused.get().title()).contains("Switch over demo to pg2").contains("run aa");
        assertThat(cli.busy("lab:demo@42")).isPresent();
        assertThat(console.busy("lab:demo@42")).contains(switchover.describe());

        console.release(switchover);
        assertThat(cli.busy("lab:demo@42")).isEmpty();
        assertThat(cli.tryTake(run("bb", "Fail over demo"))).isEmpty();
    }

    @Test
    void clustersDoNotShareALock() {
        ClusterLocks locks = new ClusterLocks(Optional.of(dir));
        assertThat(locks.tryTake(run("aa", "one"))).isEmpty();
        assertThat(locks.tryTake(new RunningWorkflow("bb", "prod", "two", "ops", Instant.now()))).isEmpty();
        assertThat(ClusterLocks.fileName("lab:demo@42")).doesNotContain(":").endsWith(".lock");
    }
}
