package dev.vigil.lab.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code postmaster.pid} and checks it against the live process table, so a stale file (after a crash)
 * or a recycled pid is never mistaken for a running server, and nothing but our own server is ever signalled.
 */
public final class PostmasterPidFile {
    private PostmasterPidFile() {}

    public static Optional<ProcessHandle> livePostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String recordedDataDir = lines.get(1).strip();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> commandLineNames(pid, recordedDataDir))
                .filter(p -> samePath(recordedDataDir, dataDir));
    }

    /** The process's own command line names the data directory: it is that directory's postmaster. */
    private static boolean commandLineNames(long pid, String dataDir) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String cmdline = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            return cmdline.contains("postgres") && cmdline.contains(dataDir);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean samePath(String recorded, Path dataDir) {
        try {
            return Path.of(recorded).toRealPath().equals(dataDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
