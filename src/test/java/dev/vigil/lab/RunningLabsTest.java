package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab marker records the bin directory so another process can attach to a lab; markers written before it
 * still read. Attaching matches a cluster by name and ports (the end-to-end attach is in FailoverCommandsTest).
 */
class RunningLabsTest {

    private static LabMarker marker(Optional<Path> binDir) {
        ProcessHandle me = ProcessHandle.current();
        Map<String, Map<String, Integer>> clusters = new LinkedHashMap<>();
        clusters.put("shop", Map.of("pg1", 41001, "pg2", 41002));
        return new LabMarker(me.pid(), me.info().startInstant().orElse(Instant.EPOCH), Instant.now(),
                "PostgreSQL 17.6 from test", clusters, binDir);
    }

    @Test
    void theBinDirectoryIsRecordedAndAMarkerWithoutItStillReads(@TempDir Path dir) throws Exception {
        marker(Optional.of(Path.of("/opt/pg/bin"))).write(dir);
        LabMarker read = LabMarker.read(dir).orElseThrow();
        assertThat(read.binDir()).contains(Path.of("/opt/pg/bin"));
        assertThat(read.clusters().get("shop")).containsEntry("pg2", 41002);

        Path file = dir.resolve(LabMarker.FILE);
        Files.write(file, Files.readAllLines(file).stream().filter(l -> !l.startsWith("bin.dir")).toList());
        LabMarker old = LabMarker.read(dir).orElseThrow();
        assertThat(old.binDir()).isEmpty();
        assertThat(old.ownerAlive()).isTrue();
    }

    @Test
    void onlyALiveLabWithTheSameNodesAndPortsIsAttached(@TempDir Path base) throws Exception {
        Path labDir = Files.createDirectory(base.resolve(LabJanitor.LAB_PREFIX + "test"));
        marker(Optional.empty()).write(labDir);
        assertThat(RunningLabs.cluster(base, "shop", Map.of("pg1", 41001, "pg2", 41002)))
                .as("a marker from before the bin directory was recorded").isEmpty();
        marker(Optional.of(base.resolve("bin"))).write(labDir);
        assertThat(RunningLabs.cluster(base, "shop", Map.of("pg1", 41001, "pg2", 49999))).isEmpty();
        assertThat(RunningLabs.cluster(base, "shop", Map.of("pg1", 41001))).isEmpty();
        assertThat(RunningLabs.cluster(base, "other", Map.of("pg1", 41001, "pg2", 41002))).isEmpty();
    }
}
