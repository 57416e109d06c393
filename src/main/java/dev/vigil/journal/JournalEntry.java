package dev.vigil.journal;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the incident timeline: when, what kind ({@code alert.raised}, {@code alert.cleared}, later
 * {@code action.*}), where (cluster, node), a sentence for people, and the evidence as named values.
 */
public record JournalEntry(Instant at, String kind, String cluster, String node, String summary,
                           Map<String, String> evidence) {
    public JournalEntry {
        evidence = Map.copyOf(evidence);
    }
}
