package dev.vigil.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the timeline back: the newest entries of a journal file, oldest first. A line that does not parse (a
 * crash mid-write in another tool, a hand edit) is skipped and counted, never fatal: the rest is still history.
 */
public final class JournalReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalReader() {}

    /** The result: entries, oldest first, and how many lines were skipped as unreadable. */
    public record Tail(List<JournalEntry> entries, int skippedLines) {
        public Tail {
            entries = List.copyOf(entries);
        }
    }

    public static Tail tail(Path file, int max) {
        if (!Files.isRegularFile(file)) {
            return new Tail(List.of(), 0);
        }
        Deque<JournalEntry> newest = new ArrayDeque<>();
        int skipped = 0;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                JournalEntry entry = parse(line);
                if (entry == null) {
                    skipped++;
                    continue;
                }
                newest.addLast(entry);
                if (newest.size() > max) {
                    newest.removeFirst();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("Cannot read the journal " + file + ": " + e.getMessage()
                    + ". Check that the file is readable.", e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        return new Tail(List.copyOf(newest), skipped);
    }

    static JournalEntry parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            Map<String, String> evidence = new LinkedHashMap<>();
            n.path("evidence").fields().forEachRemaining(f -> evidence.put(f.getKey(), f.getValue().asText()));
            return new JournalEntry(Instant.parse(n.path("at").asText()), n.path("kind").asText(),
                    n.path("cluster").asText(""), n.path("node").asText(""), n.path("summary").asText(""), evidence);
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }
}
