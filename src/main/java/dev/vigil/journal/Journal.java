package dev.vigil.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
            return new Journal(file, dev.vigil.os.PrivateFiles.openForAppend(file));
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

    static String toJson(JournalEntry e) {
        StringBuilder b = new StringBuilder("{");
        field(b, "at", e.at().toString()).append(',');
        field(b, "kind", e.kind()).append(',');
        field(b, "cluster", e.cluster()).append(',');
        field(b, "node", e.node()).append(',');
        field(b, "summary", e.summary()).append(",\"evidence\":{");
        boolean first = true;
        for (Map.Entry<String, String> ev : new TreeMap<>(e.evidence()).entrySet()) {
            if (!first) {
                b.append(',');
            }
            field(b, ev.getKey(), ev.getValue());
            first = false;
        }
        return b.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        return quote(b, name).append(':').append(value == null ? "null" : quote(new StringBuilder(), value));
    }

    /** JSON string escaping (RFC 8259): quotes, backslashes and control characters. */
    static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
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
