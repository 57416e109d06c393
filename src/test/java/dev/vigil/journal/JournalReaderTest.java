package dev.vigil.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasWrittenKeepsOnlyTheNewestAndSkipsBrokenLines() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = Journal.open(file)) {
            for (int i = 0; i < 5; i++) {
                journal.append(new JournalEntry(Instant.ofEpochSecond(i), "alert.raised", "demo", "pg" + i,
                        "line \"" + i + "\"\nsecond line", Map.of("query", "SELECT '\\' || $1", "n", Integer.toString(i))));
            }
        }
        Files.writeString(file, "{not json\n\n", StandardOpenOption.APPEND);

        JournalReader.Tail tail = JournalReader.tail(file, 3);

        assertThat(tail.skippedLines()).isEqualTo(1);
        assertThat(tail.entries()).extracting(JournalEntry::node).containsExactly("pg2", "pg3", "pg4");
        JournalEntry last = tail.entries().get(2);
        assertThat(last.summary()).isEqualTo("line \"4\"\nsecond line");
        assertThat(last.evidence()).containsEntry("query", "SELECT '\\' || $1").containsEntry("n", "4");
        assertThat(last.at()).isEqualTo(Instant.ofEpochSecond(4));
        assertThat(JournalReader.tail(dir.resolve("none.jsonl"), 3).entries()).isEmpty();
    }
}
