package dev.vigil.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void entriesAreAppendedAsJsonLinesOnDiskBeforeAppendReturns() throws Exception {
        Path file = dir.resolve("state/journal.jsonl");
        List<JournalEntry> heard = new ArrayList<>();
        try (Journal journal = Journal.open(file)) {
            journal.subscribe(heard::add);
            journal.append(new JournalEntry(Instant.parse("2026-11-23T10:00:00Z"), "alert.raised", "shop", "pg2",
                    "standby pg2 is \"lagging\"\nbadly", Map.of("replay_lag_bytes", "123", "query", "SELECT '\\x'")));
            assertThat(Files.readAllLines(file)).singleElement().isEqualTo(
                    "{\"at\":\"2026-11-23T10:00:00Z\",\"kind\":\"alert.raised\",\"cluster\":\"shop\",\"node\":\"pg2\","
                            + "\"summary\":\"standby pg2 is \\\"lagging\\\"\\nbadly\",\"evidence\":{\"query\":"
                            + "\"SELECT '\\\\x'\",\"replay_lag_bytes\":\"123\"}}");
        }
        try (Journal again = Journal.open(file)) {
            again.append(new JournalEntry(Instant.parse("2026-11-23T10:00:05Z"), "alert.cleared", "shop", "pg2",
                    "cleared", Map.of()));
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
        assertThat(heard).hasSize(1);
    }

    @Test
    void whatTheWriterEscapesTheReaderReadsBackUnchanged() {
        String awkward = "tab\t bell\u0007 nul\u0000 quote\" backslash\\ slash/ \u00e9t\u00e9 \ud83d\udc18 \u2028end";
        JournalEntry entry = new JournalEntry(Instant.parse("2026-11-23T10:00:00.123456Z"), "action.step", "shop",
                null, awkward, Map.of(awkward, awkward, "empty", ""));

        String line = Journal.toJson(entry);

        assertThat(line).as("one line").doesNotContain("\n", "\r");
        JournalEntry back = JournalReader.parse(line);
        assertThat(back).isNotNull();
        assertThat(back.at()).isEqualTo(entry.at());
        assertThat(back.kind()).isEqualTo("action.step");
        assertThat(back.node()).as("a missing node reads back as empty").isEmpty();
        assertThat(back.summary()).isEqualTo(awkward);
        assertThat(back.evidence()).containsExactlyInAnyOrderEntriesOf(Map.of(awkward, awkward, "empty", ""));
    }
}
