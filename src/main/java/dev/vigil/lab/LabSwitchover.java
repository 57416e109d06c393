package dev.vigil.lab;

import dev.vigil.lab.host.ControlFile;
import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.Waits;
import dev.vigil.sql.Lsn;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A planned switchover done with lab primitives, for tests, benchmarks and drills: checkpoint, stop the
 * primary cleanly, wait until the candidate has replayed its shutdown checkpoint, promote, then bring the old
 * primary and the other standbys back as standbys of the new one.
 *
 * <p>This is the lab's mechanism, not the operator's workflow: the guided, prechecked, journaled switchover
 * is built on the ops workflow engine.
 */
public final class LabSwitchover {
    private LabSwitchover() {}

    /**
     * @param writesStoppedNanos when the old primary began refusing writes (System.nanoTime)
     * @param writableNanos      when the new primary accepted writes
     */
    public record Result(LabNode oldPrimary, LabNode newPrimary, Lsn shutdownCheckpoint, int newTimeline,
                         long writesStoppedNanos, long writableNanos, StepTimings timings) {
        public Duration serverSideOutage() {
            return Duration.ofNanos(writableNanos - writesStoppedNanos);
        }
    }

    public static Result run(LabCluster cluster, LabNode candidate) {
        StepTimings timings = new StepTimings();
        LabNode oldPrimary = cluster.primary();
        if (candidate == oldPrimary) {
            throw new LabException(candidate.name() + " is already the primary.");
        }
        if (!cluster.streamingStandbys(oldPrimary).contains(candidate.name())) {
            throw new LabException(candidate.name() + " is not streaming from " + oldPrimary.name()
                    + "; a switchover to it could lose writes.");
        }
        List<LabNode> others = cluster.nodes().stream().filter(n -> n != oldPrimary && n != candidate).toList();

        checkpoint(oldPrimary);
        timings.mark("checkpoint");
        long stopped = System.nanoTime();
        oldPrimary.stop(StopMode.FAST);
        ControlFile control = ControlFile.read(oldPrimary.dataDir());
        if (!control.state().isCleanShutdown()) {
            throw new LabException(oldPrimary.name() + " did not shut down cleanly (" + control.state()
                    + "); not promoting. Start it again or fail over deliberately.");
        }
        timings.mark("stop old primary");
        Lsn shutdownCheckpoint = control.checkpoint();
        Waits.until(Duration.ofSeconds(30), candidate.name() + " to replay past the shutdown checkpoint "
                + shutdownCheckpoint, () -> candidate.walPosition().replayed()
                .map(lsn -> lsn.isAfter(shutdownCheckpoint)).orElse(false));
        timings.mark("candidate caught up");
        candidate.promote();
        long writable = System.nanoTime();
        timings.mark("promote");

        cluster.rejoinAsStandby(oldPrimary, candidate);
        for (LabNode other : others) {
            cluster.repoint(other, candidate);
        }
        List<LabNode> followers = cluster.nodes().stream().filter(n -> n != candidate).toList();
        cluster.awaitStreaming(candidate, followers, Duration.ofSeconds(60));
        timings.mark("standbys follow new primary");
        int timeline = candidate.walPosition().timeline().orElse(-1);
        return new Result(oldPrimary, candidate, shutdownCheckpoint, timeline, stopped, writable, timings);
    }

    private static void checkpoint(LabNode node) {
        try (Connection c = node.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new LabException("CHECKPOINT on " + node + " failed: " + e.getMessage(), e);
        }
    }
}
