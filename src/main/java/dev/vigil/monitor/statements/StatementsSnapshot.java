package dev.vigil.monitor.statements;

import dev.vigil.monitor.MonitorSql;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * pg_stat_statements at one moment: every entry's counters, the texts known so far (fetched once per query
 * id), and on 14+ when the whole set was last reset and how many entries were evicted. {@code ownRole} is the
 * monitoring role's oid when it is a dedicated role (not a superuser, so nobody else's work runs as it): its
 * entries are Vigil's own, and {@link #visible} leaves them out. A superuser monitoring role is shared, so there
 * Vigil's own entries are known by the comment its monitoring statements start with ({@link MonitorSql#MARK}).
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

    /** Without Vigil's own statements (the monitoring role's, or marked as Vigil's), unless {@code includeSelf}. */
    public StatementsSnapshot visible(boolean includeSelf) {
        if (includeSelf) {
            return this;
        }
        return new StatementsSnapshot(at, entries.entrySet().stream().filter(e -> !isOwn(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), texts, statsReset, evicted,
                ownRole);
    }

    private boolean isOwn(StatementKey key) {
        return ownRole.map(own -> own == key.userId()).orElse(false)
                || MonitorSql.isOwnText(texts.get(key.queryId()));
    }
}
