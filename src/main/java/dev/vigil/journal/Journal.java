package dev.vigil.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.os.PrivateFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only incident timeline: one JSON object per line, appended and forced to disk before
 * {@link #append} returns, so an entry written before a step of an action is never lost with a crash after it.
 * Nothing is ever rewritten. Listeners (the window's Events view) see each entry once it is on disk.
 */
public final class Journal implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final FileChannel channel;
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    public static Journal open(Path file) {
        try {
            // Query texts and topology: readable by this user only (0600 in a 0700 folder).
            return new Journal(file, PrivateFiles.openForAppend(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the journal " + file + ": " + e.getMessage()
                    + ". Check that its directory is writable.", e);
        }
    }

    /** {@code $XDG_STATE_HOME/vigil/journal.jsonl}, else {@code ~/.local/state/vigil/journal.jsonl}. */
    public static Path defaultPath() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("vigil").resolve("journal.jsonl");
    }

    public Path file() {
        return file;
    }

    public synchronized void append(JournalEntry entry) {
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
        listeners.forEach(l -> l.accept(entry));
    }

    public void subscribe(Consumer<JournalEntry> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<JournalEntry> listener) {
        listeners.remove(listener);
    }

    /**
     * One entry as one JSON line, written by Jackson's generator, the library {@link JournalReader} reads it with,
     * so writer and reader agree on escaping. Fields in a fixed order, evidence sorted by name.
     */
    static String toJson(JournalEntry e) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("at", e.at().toString());
            json.writeStringField("kind", e.kind());
            json.writeStringField("cluster", e.cluster());
            json.writeStringField("node", e.node());
            json.writeStringField("summary", e.summary());
            json.writeObjectFieldStart("evidence");
            for (Map.Entry<String, String> ev : new TreeMap<>(e.evidence()).entrySet()) {
                json.writeStringField(ev.getKey(), ev.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException("Cannot write a journal entry as JSON", impossible);
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
