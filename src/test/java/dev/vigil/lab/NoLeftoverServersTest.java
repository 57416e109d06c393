package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (see junit-platform.properties): no PostgreSQL process started by this test run is still alive.
 * It looks for any process whose command line names a lab directory this JVM, or a child JVM it ran, created.
 */
@Order(Integer.MAX_VALUE)
class NoLeftoverServersTest {

    @Test
    void noPostgresProcessFromThisRunSurvives() {
        Set<Path> labDirs = new HashSet<>(Lab.createdByThisProcess());
        labDirs.addAll(LabLeftoverCleanupTest.Track.DIRS);
        if (labDirs.isEmpty()) {
            // Run alone: make a lab so the check has something to find if close() leaked.
            try (Lab lab = Lab.open()) {
                lab.createCluster("leftover", 1);
            }
            labDirs.addAll(Lab.createdByThisProcess());
        }
        assertThat(labDirs).isNotEmpty();
        List<String> survivors = new ArrayList<>();
        for (String cmdline : allCommandLines()) {
            if (cmdline.contains("postgres") && labDirs.stream().anyMatch(d -> cmdline.contains(d.toString()))) {
                survivors.add(cmdline);
            }
        }
        assertThat(survivors).as("PostgreSQL processes left behind by the tests").isEmpty();
        assertThat(labDirs).allSatisfy(dir -> assertThat(dir).doesNotExist());
    }

    private static List<String> allCommandLines() {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    lines.add(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' '));
                } catch (IOException vanished) {
                    // The process ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return lines;
    }
}
