package dev.vigil.monitor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * pg_stat_statements at one moment: every entry's counters, the texts known so far (fetched once per query
 * id), and on 14+ when the whole set was last reset and how many entries were evicted.
 */
public record StatementsSnapshot(Instant at, Map<StatementKey, StatementCounters> entries, Map<Long, String> texts,
                                 Optional<Instant> statsReset, Optional<Long> evicted) {
    public StatementsSnapshot {
        entries = Map.copyOf(entries);
        texts = Map.copyOf(texts);
    }

    public Optional<String> text(long queryId) {
        return Optional.ofNullable(texts.get(queryId));
    }
}
