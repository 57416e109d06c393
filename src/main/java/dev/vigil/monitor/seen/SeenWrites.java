package dev.vigil.monitor.seen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.os.PrivateFiles;
import dev.vigil.sql.Lsn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code last-wal.json} beside the journal: per cluster and node, the newest WAL position any of Vigil's monitors
 * (the window, {@code vigil watch}, a {@code vigil watch --quiet} kept for the purpose) saw that node write as a
 * primary. {@code vigil failover} and the failover dialog of any window read it for the data-loss estimate.
 * <p>
 * Several monitors may write at once, so each write reads, merges ({@link SeenWrite#supersedes}) and replaces the
 * file under an OS lock on {@code last-wal.json.lock} (and a monitor per file in this JVM), through a temporary
 * file moved into place atomically: a reader sees the old file or the new one, never half of one. The file and
 * its folder are created 0600 and 0700: they name the cluster's nodes and topology.
 */
public final class SeenWrites {
    public static final String FILE_NAME = "last-wal.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();
    private final Path file;

    public SeenWrites(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public static SeenWrites besideJournal(Path journalFile) {
        return new SeenWrites(journalFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Every node of {@code cluster} seen writing, by node name. */
    public Map<String, SeenWrite> of(String cluster) {
        Map<String, SeenWrite> out = new TreeMap<>();
        read().stream().filter(w -> w.cluster().equals(cluster)).forEach(w -> out.put(w.node(), w));
        return out;
    }

    /** The node of {@code cluster} seen writing most recently: the primary a failover now replaces. */
    public Optional<SeenWrite> latest(String cluster) {
        return of(cluster).values().stream().max(Comparator.comparing(SeenWrite::at));
    }

    /**
     * Merges {@code seen} into the file; writes it only when something changed. Returns whether it wrote.
     *
     * @throws UncheckedIOException naming the file when it cannot be read, locked or written
     */
    public boolean record(Collection<SeenWrite> seen) {
        if (seen.isEmpty()) {
            return false;
        }
        synchronized (IN_THIS_JVM.computeIfAbsent(file, f -> new Object())) {
            try (FileChannel channel = PrivateFiles.openReadWrite(file.resolveSibling(FILE_NAME + ".lock"));
                 FileLock lock = channel.lock()) {
                Map<String, SeenWrite> all = new TreeMap<>();
                read().forEach(w -> all.put(key(w), w));
                boolean changed = false;
                for (SeenWrite w : seen) {
                    SeenWrite stored = all.get(key(w));
                    if (stored == null || w.supersedes(stored)) {
                        all.put(key(w), w);
                        changed = true;
                    }
                }
                if (changed) {
                    write(all.values());
                }
                return changed;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not record the last WAL positions seen in " + file + ": "
                        + e.getMessage() + " (check that the folder is writable)", e);
            }
        }
    }

    /**
     * Drops what was seen of {@code cluster}: a cluster created anew under that name (a lab) starts its WAL again,
     * and an old, higher position would make up a loss. Returns whether anything was dropped.
     */
    public boolean forget(String cluster) {
        synchronized (IN_THIS_JVM.computeIfAbsent(file, f -> new Object())) {
            try (FileChannel channel = PrivateFiles.openReadWrite(file.resolveSibling(FILE_NAME + ".lock"));
                 FileLock lock = channel.lock()) {
                List<SeenWrite> all = read();
                List<SeenWrite> kept = all.stream().filter(w -> !w.cluster().equals(cluster)).toList();
                if (kept.size() == all.size()) {
                    return false;
                }
                write(kept);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not forget the WAL positions seen of " + cluster + " in " + file
                        + ": " + e.getMessage() + " (check that the folder is writable)", e);
            }
        }
    }

    private static String key(SeenWrite w) {
        return w.cluster() + "\u0000" + w.node();
    }

    /** What the file holds; an unreadable or damaged file is an error naming it, never an empty answer. */
    public List<SeenWrite> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<SeenWrite> out = new ArrayList<>();
            JsonNode clusters = root.path("clusters");
            for (Iterator<Map.Entry<String, JsonNode>> c = clusters.fields(); c.hasNext(); ) {
                Map.Entry<String, JsonNode> cluster = c.next();
                for (Iterator<Map.Entry<String, JsonNode>> n = cluster.getValue().fields(); n.hasNext(); ) {
                    Map.Entry<String, JsonNode> node = n.next();
                    JsonNode v = node.getValue();
                    out.add(new SeenWrite(cluster.getKey(), node.getKey(), Lsn.parse(v.path("lsn").asText()),
                            v.path("timeline").asInt(0), Instant.parse(v.path("at").asText()),
                            v.path("seenBy").asText(""), v.hasNonNull("serverStarted")
                            ? Optional.of(Instant.parse(v.get("serverStarted").asText())) : Optional.empty()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Could not read the last WAL positions seen from " + file + ": "
                    + e.getMessage() + " (delete the file: monitors write it again on their next tick)",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private void write(Collection<SeenWrite> all) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "The newest WAL position Vigil's monitors saw each primary write; read by failovers "
                + "for the data-loss estimate");
        ObjectNode clusters = root.putObject("clusters");
        for (SeenWrite w : all) {
            ObjectNode cluster = clusters.has(w.cluster()) ? (ObjectNode) clusters.get(w.cluster())
                    : clusters.putObject(w.cluster());
            ObjectNode n = cluster.putObject(w.node());
            n.put("lsn", w.lsn().toString());
            n.put("timeline", w.timeline());
            n.put("at", w.at().toString());
            n.put("seenBy", w.seenBy());
            w.serverStarted().ifPresent(s -> n.put("serverStarted", s.toString()));
        }
        PrivateFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
