package dev.vigil.ops.failover;

import dev.vigil.os.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Nodes taken out of a cluster by a failover that must not come back as primaries: each "needs rejoin" until a
 * rejoin workflow makes it a standby again. Kept in a small file next to the journal, so the console and the
 * CLI of later sessions still say which nodes are fenced.
 * <p>
 * A console and a CLI may mark and clear nodes of different clusters at the same moment, so each change reads,
 * changes and replaces the file under an OS lock on {@code fenced-nodes.properties.lock} (and, in this JVM, a
 * monitor per file, since an OS lock is held per process).
 */
public final class NodeFences {
    private static final Map<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();
    /** How a failover's marks begin: the node was taken out while it might hold WAL no standby received. */
    static final String BY_FAILOVER = "failover: ";
    private final Path file;

    public NodeFences(Path file) {
        this.file = file;
    }

    /** {@code fenced-nodes.properties} beside the journal file. */
    public static NodeFences besideJournal(Path journalFile) {
        return new NodeFences(journalFile.toAbsolutePath().resolveSibling("fenced-nodes.properties"));
    }

    public void mark(String cluster, String node, String why) {
        update(p -> {
            p.setProperty(key(cluster, node), why);
            return true;
        });
    }

    public void clear(String cluster, String node) {
        update(p -> p.remove(key(cluster, node)) != null);
    }

    /** Reads, changes and, when {@code change} says so, writes the file back, all under the lock. */
    private void update(Predicate<Properties> change) {
        Path absolute = file.toAbsolutePath().normalize();
        synchronized (IN_THIS_JVM.computeIfAbsent(absolute, f -> new Object())) {
            Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
            try {
                try (FileChannel channel = PrivateFiles.openReadWrite(lockFile); FileLock lock = channel.lock()) {
                    Properties p = load();
                    if (change.test(p)) {
                        store(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not lock the fenced-node list " + lockFile + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Whether a mark was made by a failover (and not by a switchover's clean stop). */
    public static boolean byFailover(String reason) {
        return reason.startsWith(BY_FAILOVER);
    }

    public Optional<String> reason(String cluster, String node) {
        return Optional.ofNullable(load().getProperty(key(cluster, node)));
    }

    /** Node name to why it is fenced, for one cluster. */
    public Map<String, String> fenced(String cluster) {
        Map<String, String> out = new TreeMap<>();
        String prefix = cluster + "/";
        load().forEach((k, v) -> {
            if (k.toString().startsWith(prefix)) {
                out.put(k.toString().substring(prefix.length()), v.toString());
            }
        });
        return out;
    }

    private static String key(String cluster, String node) {
        return cluster + "/" + node;
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the fenced-node list " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private void store(Properties p) {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            p.store(w, "Nodes Vigil fenced in a failover; each needs a rejoin before it serves again");
            PrivateFiles.writeAtomically(file, w.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the fenced-node list " + file + ": " + e.getMessage(), e);
        }
    }
}
