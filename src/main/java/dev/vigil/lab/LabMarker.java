package dev.vigil.lab;

import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.PgBinaries;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The file that makes a directory a Vigil lab: who owns it (pid and start time of the JVM, so a recycled pid
 * is not mistaken for the owner), which clusters and ports it holds, and the bin directory its servers run from
 * (so another process can stop and start them: {@link RunningLabs}). Only directories with this marker are ever
 * cleaned up.
 *
 * @param binDir empty in markers written before it was recorded
 */
public record LabMarker(long ownerPid, Instant ownerStart, Instant created, String binaries,
                        Map<String, Map<String, Integer>> clusters, Optional<Path> binDir) {

    public static final String FILE = "vigil-lab.properties";
    private static final String MAGIC_KEY = "vigil.lab";
    private static final String BIN_DIR_KEY = "bin.dir";

    static LabMarker forThisProcess(PgBinaries binaries) {
        ProcessHandle me = ProcessHandle.current();
        return new LabMarker(me.pid(), me.info().startInstant().orElse(Instant.EPOCH), Instant.now(),
                binaries.toString(), new LinkedHashMap<>(), Optional.of(binaries.binDir().toAbsolutePath()));
    }

    /** Whether the JVM that made this lab still runs. */
    public boolean ownerAlive() {
        return ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(ownerStart::equals).orElse(false))
                .orElse(false);
    }

    LabMarker withCluster(String name, Map<String, Integer> ports) {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>(clusters);
        copy.put(name, Map.copyOf(ports));
        return new LabMarker(ownerPid, ownerStart, created, binaries, copy, binDir);
    }

    void write(Path labDir) {
        Properties p = new Properties();
        p.setProperty(MAGIC_KEY, "1");
        p.setProperty("owner.pid", Long.toString(ownerPid));
        p.setProperty("owner.start", ownerStart.toString());
        p.setProperty("created", created.toString());
        p.setProperty("binaries", binaries);
        binDir.ifPresent(d -> p.setProperty(BIN_DIR_KEY, d.toString()));
        clusters.forEach((cluster, ports) -> ports.forEach((node, port) ->
                p.setProperty("cluster." + cluster + "." + node + ".port", Integer.toString(port))));
        Path tmp = labDir.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "Vigil lab: removed with the lab; a leftover is cleaned up by the next lab start");
        } catch (IOException e) {
            throw new LabException("Could not write lab marker in " + labDir + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, labDir.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LabException("Could not write lab marker in " + labDir + ": " + e.getMessage(), e);
        }
    }

    static Optional<LabMarker> read(Path labDir) {
        Path file = labDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            if (!"1".equals(p.getProperty(MAGIC_KEY))) {
                return Optional.empty();
            }
            Map<String, Map<String, Integer>> clusters = new LinkedHashMap<>();
            p.stringPropertyNames().stream().filter(k -> k.startsWith("cluster.") && k.endsWith(".port")).sorted()
                    .forEach(k -> {
                        String[] parts = k.split("\\.");
                        clusters.computeIfAbsent(parts[1], c -> new LinkedHashMap<>())
                                .put(parts[2], Integer.parseInt(p.getProperty(k)));
                    });
            return Optional.of(new LabMarker(Long.parseLong(p.getProperty("owner.pid")),
                    Instant.parse(p.getProperty("owner.start")), Instant.parse(p.getProperty("created")),
                    p.getProperty("binaries", "?"), clusters,
                    Optional.ofNullable(p.getProperty(BIN_DIR_KEY)).filter(d -> !d.isBlank()).map(Path::of)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
