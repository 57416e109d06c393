package dev.vigil.monitor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * pg_stat_statements at one moment: every entry's counters, the texts known so far (fetched once per query
 * id), and on 14+ when the whole set was last reset and how many entries were evicted. {@code ownRole} is the
 * monitoring role's oid when it is a dedicated role (not a superuser, so nobody else's work runs as it): its
 * entries are Vigil's own, and {@link #visible} leaves them out. A superuser monitoring role is shared, so its
 * entries cannot be told apart and stay in.
 */
public record StatementsSnapshot(Instant at, Map<StatementKey, StatementCounters> entries, Map<Long, String> texts,
                                 Optional<Instant> statsReset, Optional<Long> evicted, Optional<Long> ownRole) {
    public StatementsSnapshot {
        entries = Map.copyOf(entries);
        texts = Map.copyOf(texts);
    }

    public StatementsSnapshot(Instant at, Map<StatementKey, StatementCounters> entries, Map<Long, String> texts,
                              Optional<Instant> statsReset, Optional<Long> evicted) {
        this(at, entries, texts, statsReset, evicted, Optional.empty());
    }

    public Optional<String> text(long queryId) {
        return Optional.ofNullable(texts.get(queryId));
    }

    /** Without the monitoring role's entries (Vigil's own statements), unless {@code includeSelf}. */
    public StatementsSnapshot visible(boolean includeSelf) {
        if (includeSelf || ownRole.isEmpty()) {
            return this;
        }
        long own = ownRole.get();
        return new StatementsSnapshot(at, entries.entrySet().stream().filter(e -> e.getKey().userId() != own)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), texts, statsReset, evicted,
                ownRole);
    }
}
