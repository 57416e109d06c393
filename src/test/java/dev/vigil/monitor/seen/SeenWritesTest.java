package dev.vigil.monitor.seen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeSample;
import dev.vigil.os.PrivateFiles;
import dev.vigil.sql.Lsn;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last-WAL state file: merge rules, who wins between monitors, modes, and a damaged file named. */
class SeenWritesTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Optional<Instant> STARTED = Optional.of(Instant.parse("2026-12-07T09:00:00Z"));

    private static SeenWrite seen(String node, long lsn, int timeline, long secondsAfter, String by) {
        return new SeenWrite("prod", node, new Lsn(lsn), timeline, T0.plusSeconds(secondsAfter), by, STARTED);
    }

    @Test
    void aFurtherPositionReplacesAnEarlierOneAndAnOlderOneDoesNot(@TempDir Path dir) {
        SeenWrites file = SeenWrites.besideJournal(dir.resolve("journal.jsonl"));
        assertThat(file.file()).isEqualTo(dir.resolve(SeenWrites.FILE_NAME));
        assertThat(file.record(List.of(seen("pg1", 1000, 1, 0, "window")))).isTrue();
        assertThat(file.record(List.of(seen("pg1", 2000, 1, 1, "watch")))).isTrue();
        // A slower monitor's older sighting, written later, does not take the newer one back.
        assertThat(file.record(List.of(seen("pg1", 1500, 1, 2, "window")))).isFalse();
        assertThat(file.of("prod").get("pg1").lsn()).isEqualTo(new Lsn(2000));
        assertThat(file.of("prod").get("pg1").seenBy()).isEqualTo("watch");
    }

    @Test
    void aLaterTimelineWinsEvenAtALowerPosition() {
        assertThat(seen("pg1", 10, 2, 5, "a").supersedes(seen("pg1", 9000, 1, 0, "b"))).isTrue();
        assertThat(seen("pg1", 9000, 1, 5, "a").supersedes(seen("pg1", 10, 2, 0, "b"))).isFalse();
    }

    @Test
    void aServerStartedAfterTheStoredSightingReplacesItThoughItsWalIsLower() {
        SeenWrite old = seen("pg1", 9000, 1, 0, "a");
        SeenWrite recreated = new SeenWrite("prod", "pg1", new Lsn(100), 1, T0.plusSeconds(60), "b",
                Optional.of(T0.plusSeconds(30)));
        assertThat(recreated.supersedes(old)).isTrue();
        assertThat(seen("pg1", 100, 1, 60, "b").supersedes(old)).as("same server, lower WAL").isFalse();
    }

    @Test
    void theLatestIsTheNodeSeenWritingMostRecentlyAndClustersStayApart(@TempDir Path dir) throws Exception {
        SeenWrites file = new SeenWrites(dir.resolve("state/last-wal.json"));
        file.record(List.of(seen("pg1", 5000, 1, 0, "w"), seen("pg2", 100, 2, 30, "w"),
                new SeenWrite("other", "pg9", new Lsn(7), 1, T0.plusSeconds(99), "w", STARTED)));
        assertThat(file.latest("prod").map(SeenWrite::node)).contains("pg2");
        assertThat(file.latest("other").map(SeenWrite::node)).contains("pg9");
        assertThat(file.latest("absent")).isEmpty();
        // Read back from disk by a second instance, as another process would.
        assertThat(new SeenWrites(dir.resolve("state/last-wal.json")).of("prod")).containsOnlyKeys("pg1", "pg2");
        assertThat(Files.getPosixFilePermissions(file.file())).isEqualTo(PrivateFiles.FILE_MODE);
        assertThat(Files.getPosixFilePermissions(dir.resolve("state"))).isEqualTo(PrivateFiles.DIR_MODE);

        assertThat(file.forget("prod")).isTrue();
        assertThat(file.of("prod")).isEmpty();
        assertThat(file.of("other")).containsOnlyKeys("pg9");
        assertThat(file.forget("prod")).isFalse();
    }

    @Test
    void writersAtOnceLoseNothing(@TempDir Path dir) throws Exception {
        SeenWrites a = new SeenWrites(dir.resolve("last-wal.json"));
        SeenWrites b = new SeenWrites(dir.resolve("last-wal.json"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 1; i <= 50; i++) {
            long lsn = i * 100L;
            pool.submit(() -> a.record(List.of(seen("pg1", lsn, 1, lsn, "a"))));
            pool.submit(() -> b.record(List.of(seen("pg2", lsn, 1, lsn, "b"))));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(a.of("prod").get("pg1").lsn()).isEqualTo(new Lsn(5000));
        assertThat(a.of("prod").get("pg2").lsn()).isEqualTo(new Lsn(5000));
    }

    @Test
    void aDamagedFileIsAnErrorNamingItAndTheFix(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("last-wal.json");
        Files.writeString(path, "{\"clusters\": {\"prod\": {\"pg1\": {\"lsn\": \"zz\"");
        SeenWrites file = new SeenWrites(path);
        assertThatThrownBy(() -> file.of("prod")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("delete the file");
    }

    private static ClusterSample tick(long primaryLsn, long standbyLsn) {
        return new ClusterSample("prod", List.of(node("pg1", false, primaryLsn), node("pg2", true, standbyLsn)), T0);
    }

    private static NodeSample node(String name, boolean standby, long lsn) {
        NodeStatus status = new NodeStatus(name, "127.0.0.1:5432", NodeStatus.Reachability.UP, "", "17.6", 170006,
                standby, Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(),
                Optional.of(new Lsn(lsn)), STARTED, T0, Duration.ofMillis(3));
        return new NodeSample("prod", name, 5, T0, status, Map.of());
    }

    @Test
    void theRecorderWritesAPrimaryOnlyWhenItsPositionMovedAndNeverAStandby(@TempDir Path dir) throws Exception {
        SeenWrites file = new SeenWrites(dir.resolve("last-wal.json"));
        SeenWritesRecorder recorder = new SeenWritesRecorder(file, "vigil watch");
        recorder.accept(tick(100, 90));
        assertThat(file.of("prod")).containsOnlyKeys("pg1");
        assertThat(file.of("prod").get("pg1").seenBy()).startsWith("vigil watch (pid ");
        Files.delete(file.file());
        recorder.accept(tick(100, 100));
        assertThat(file.file()).as("an unchanged position is not written again").doesNotExist();
        recorder.accept(tick(200, 100));
        assertThat(file.of("prod").get("pg1").lsn()).isEqualTo(new Lsn(200));
        assertThat(recorder.failure()).isEmpty();
    }

    @Test
    void aRecorderThatCannotWriteSaysWhyAndMonitoringGoesOn(@TempDir Path dir) throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        SeenWritesRecorder recorder = new SeenWritesRecorder(new SeenWrites(notAFolder.resolve("last-wal.json")), "t");
        recorder.accept(tick(100, 90));
        assertThat(recorder.failure()).hasValueSatisfying(m -> assertThat(m).contains(notAFolder.toString(),
                "check that the folder is writable"));
    }
}
