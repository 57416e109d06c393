package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.PostmasterPidFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab whose JVM was killed is found and removed by the next lab start, and nothing else is touched. */
class LabLeftoverCleanupTest {

    @TempDir
    Path scratch;

    @Test
    void labOfAKilledJvmIsCleanedUpAtNextStartAndNothingElseIsTouched() throws Exception {
        Path base = scratch.resolve("labs");
        Files.createDirectories(base);
        Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(scratch, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path decoy = Files.createDirectories(base.resolve(LabJanitor.LAB_PREFIX + "not-ours"));
        Files.writeString(decoy.resolve("keep.txt"), "no marker here");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LabCrashFixture.class.getName(), base.toString())
                .redirectErrorStream(true).start();
        String[] ready = awaitReadyLine(child);
        Path labDir = Path.of(ready[1]);
        Path dataDir = Path.of(ready[2]);
        Track.add(labDir);
        long postmasterPid = PostmasterPidFile.livePostmaster(dataDir).orElseThrow().pid();

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmasterPid)).as("the orphaned server is still up before cleanup").isPresent();
        assertThat(LabJanitor.scan(base)).singleElement().satisfies(found -> assertThat(found.stale()).isTrue());

        try (Lab next = Lab.open(new LabSettings(base, Optional.empty()))) {
            assertThat(ProcessHandle.of(postmasterPid)).isEmpty();
            assertThat(labDir).doesNotExist();
            assertThat(decoy.resolve("keep.txt")).hasContent("no marker here");
            assertThat(LabJanitor.scan(base)).extracting(LabJanitor.FoundLab::dir).containsExactly(next.dir());
        }
        assertThat(decoy).exists();
    }

    @Test
    void janitorRefusesADirectoryWithoutMarker() throws Exception {
        Path notALab = Files.createDirectories(scratch.resolve("vigil-lab-unmarked"));
        assertThatThrownBy(() -> LabJanitor.destroy(notALab)).isInstanceOf(LabException.class)
                .hasMessageContaining("no Vigil lab marker");
        assertThat(notALab).exists();
    }

    private static String[] awaitReadyLine(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String[]> ready = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        return line.split(" ");
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("child lab exited before READY:\n" + seen);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return ready.get(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS);
        } finally {
            if (!ready.isDone()) {
                child.destroyForcibly();
            }
        }
    }

    /** Labs made by child JVMs, for the suite's final leftover check. */
    static final class Track {
        static final List<Path> DIRS = new java.util.concurrent.CopyOnWriteArrayList<>();

        static void add(Path dir) {
            DIRS.add(dir);
        }
    }
}
