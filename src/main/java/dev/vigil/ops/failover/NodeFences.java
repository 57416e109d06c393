package dev.vigil.ops.failover;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Nodes taken out of a cluster by a failover that must not come back as primaries: each "needs rejoin" until a
 * rejoin workflow makes it a standby again. Kept in a small file next to the journal, so the console and the
 * CLI of later sessions still say which nodes are fenced.
 */
public final class NodeFences {
    private final Path file;

    public NodeFences(Path file) {
        this.file = file;
    }

    /** {@code fenced-nodes.properties} beside the journal file. */
    public static NodeFences besideJournal(Path journalFile) {
        return new NodeFences(journalFile.toAbsolutePath().resolveSibling("fenced-nodes.properties"));
    }

    public synchronized void mark(String cluster, String node, String why) {
        Properties p = load();
        p.setProperty(key(cluster, node), why);
        store(p);
    }

    public synchronized void clear(String cluster, String node) {
        Properties p = load();
        if (p.remove(key(cluster, node)) != null) {
            store(p);
        }
    }

    public synchronized Optional<String> reason(String cluster, String node) {
        return Optional.ofNullable(load().getProperty(key(cluster, node)));
    }

    /** Node name to why it is fenced, for one cluster. */
    public synchronized Map<String, String> fenced(String cluster) {
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
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "Nodes Vigil fenced in a failover; each needs a rejoin before it serves again");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the fenced-node list " + file + ": " + e.getMessage(), e);
        }
    }
}
