package dev.vigil.lab;

import dev.vigil.lab.host.FileTrees;
import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.PostmasterPidFile;
import dev.vigil.lab.host.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds labs in a base directory and removes those whose JVM died without cleaning up. It touches only
 * directories carrying a {@link LabMarker}, and signals only postmasters that their own pid file and command
 * line tie to a data directory inside such a lab.
 */
public final class LabJanitor {
    static final String LAB_PREFIX = "vigil-lab-";

    private LabJanitor() {}

    public record FoundLab(Path dir, LabMarker marker) {
        public boolean stale() {
            return !marker.ownerAlive();
        }
    }

    public static List<FoundLab> scan(Path baseDir) {
        if (!Files.isDirectory(baseDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(baseDir)) {
            List<FoundLab> found = new ArrayList<>();
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(LAB_PREFIX)).sorted().toList()) {
                LabMarker.read(dir).ifPresent(marker -> found.add(new FoundLab(dir, marker)));
            }
            return found;
        } catch (IOException e) {
            throw new LabException("Could not list labs in " + baseDir + ": " + e.getMessage(), e);
        }
    }

    /** Removes every lab whose owner is gone; returns the directories removed. */
    public static List<Path> cleanupStale(Path baseDir) {
        List<Path> removed = new ArrayList<>();
        for (FoundLab lab : scan(baseDir)) {
            if (lab.stale()) {
                destroy(lab.dir());
                removed.add(lab.dir());
            }
        }
        return removed;
    }

    /** Kills the lab's servers (SIGKILL: it is disposable) and deletes its directory. */
    public static void destroy(Path labDir) {
        if (LabMarker.read(labDir).isEmpty()) {
            throw new LabException(labDir + " carries no Vigil lab marker; refusing to touch it.");
        }
        for (Path dataDir : dataDirectories(labDir)) {
            Optional<ProcessHandle> postmaster = PostmasterPidFile.livePostmaster(dataDir);
            postmaster.ifPresent(LabJanitor::killWithChildren);
        }
        try {
            FileTrees.delete(labDir);
        } catch (IOException e) {
            throw new LabException("Could not delete lab directory " + labDir + ": " + e.getMessage(), e);
        }
    }

    static void killWithChildren(ProcessHandle postmaster) {
        List<ProcessHandle> family = new ArrayList<>(postmaster.descendants().toList());
        family.add(postmaster);
        family.forEach(ProcessHandle::destroyForcibly);
        Waits.until(Duration.ofSeconds(30), "killed postmaster " + postmaster.pid() + " and its children to exit",
                () -> family.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** Data directories lie two levels down: lab/cluster/node, each with a PG_VERSION file. */
    private static List<Path> dataDirectories(Path labDir) {
        try (Stream<Path> paths = Files.find(labDir, 2, (p, attrs) -> attrs.isDirectory()
                && Files.isRegularFile(p.resolve("PG_VERSION")))) {
            return paths.toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
