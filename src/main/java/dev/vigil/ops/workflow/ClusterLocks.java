package dev.vigil.ops.workflow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One mutating workflow per cluster, across every Vigil process of this user: a console and a CLI (or two
 * consoles) share the directory beside the journal, and each run holds an OS file lock on its cluster's lock file
 * for as long as it runs. The second is told which run holds the cluster, from the lock file's text.
 */
final class ClusterLocks {
    private final Optional<Path> directory;
    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();

    private record Held(RunningWorkflow run, Optional<FileChannel> channel, Optional<FileLock> lock) {}

    /** Locks in {@code directory} (made when first needed); empty: this process only (tests with fakes). */
    ClusterLocks(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Takes the cluster for {@code run}; if another holds it here or in another process, that one is returned. */
    synchronized Optional<RunningWorkflow> tryTake(RunningWorkflow run) {
        Held mine = held.get(run.cluster());
        if (mine != null) {
            return Optional.of(mine.run());
        }
        if (directory.isEmpty()) {
            held.put(run.cluster(), new Held(run, Optional.empty(), Optional.empty()));
            return Optional.empty();
        }
        Path file = directory.get().resolve(fileName(run.cluster()));
        try {
            FileChannel channel = dev.vigil.os.PrivateFiles.openReadWrite(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String other = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                return Optional.of(new RunningWorkflow("?", run.cluster(), other.isEmpty()
                        ? "a workflow in another Vigil process" : other + " (in another Vigil process)", "?",
                        run.startedAt()));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((run.title() + " — run " + run.runId() + " by " + run.operator() + ", pid "
                    + ProcessHandle.current().pid() + ", started " + run.startedAt()).getBytes(StandardCharsets.UTF_8)));
            // No fsync: other processes read the text through the page cache, and the lock dies with this
            // process anyway; execute() takes the lock on the caller's thread, the FX thread included.
            held.put(run.cluster(), new Held(run, Optional.of(channel), Optional.of(lock)));
            return Optional.empty();
        } catch (IOException e) {
            // Without the shared lock another process could act at the same time: refuse rather than guess.
            return Optional.of(new RunningWorkflow("?", run.cluster(), "nothing can be sure: the lock file " + file
                    + " could not be taken (" + e.getMessage() + ")", "?", run.startedAt()));
        }
    }

    synchronized void release(RunningWorkflow run) {
        Held h = held.get(run.cluster());
        if (h == null || !h.run().equals(run)) {
            return;
        }
        held.remove(run.cluster());
        try {
            if (h.channel().isPresent()) {
                h.channel().get().truncate(0);
            }
        } catch (IOException e) {
            // The text is only for the refusal message; the lock is what counts.
        }
        h.lock().ifPresent(l -> {
            try {
                l.release();
            } catch (IOException e) {
                // Closing the channel below releases it too.
            }
        });
        h.channel().ifPresent(c -> {
            try {
                c.close();
            } catch (IOException e) {
                // Nothing more to do: the process's exit frees it at the latest.
            }
        });
    }

    /** Who holds {@code cluster} now, here or in another process (a lock taken and given back at once to see). */
    synchronized Optional<String> busy(String cluster) {
        Held mine = held.get(cluster);
        if (mine != null) {
            return Optional.of(mine.run().describe());
        }
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = directory.get().resolve(fileName(cluster));
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
            String other = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            return Optional.of((other.isEmpty() ? "a workflow" : "'" + other + "'") + " in another Vigil process");
        } catch (OverlappingFileLockException e) {
            return Optional.of("a workflow of another engine in this process");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Optional<RunningWorkflow> holder(String cluster) {
        return Optional.ofNullable(held.get(cluster)).map(Held::run);
    }

    /** A file name for any cluster name ("lab:demo@123" has characters some file systems refuse). */
    static String fileName(String cluster) {
        return cluster.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Integer.toHexString(cluster.hashCode()) + ".lock";
    }

}
