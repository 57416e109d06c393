package dev.vigil.monitor.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Database sizes and the monitored database's largest tables now, and the reading growth is measured from (at
 * least {@link #WINDOW} back once the monitor has run that long).
 */
public record SizeReading(Sizes now, Optional<Sizes> windowStart) {
    public static final Duration WINDOW = Duration.ofHours(1);

    public record Sizes(Instant at, List<Database> databases, List<Table> tables) {
        public Sizes {
            databases = List.copyOf(databases);
            tables = List.copyOf(tables);
        }
    }

    public record Database(String name, long bytes) {}

    public record Table(String schema, String name, long totalBytes, long tableBytes, long indexBytes) {}

    /** Growth of one database or table, per hour, over the window. */
    public record Growth(long bytes, double bytesPerHour, Duration over) {}

    public static SizeReading next(Optional<SizeReading> previous, Sizes now) {
        return previous.map(p -> new SizeReading(now, Optional.of(WindowStart.next(p.windowStart(), p.now(), now,
                Sizes::at, WINDOW)))).orElseGet(() -> new SizeReading(now, Optional.empty()));
    }

    /** How much a database grew over the window; empty before a window of ten minutes exists. */
    public Optional<Growth> databaseGrowth(String name) {
        return growth(s -> s.databases().stream().filter(d -> d.name().equals(name)).map(Database::bytes).findFirst());
    }

    public Optional<Growth> tableGrowth(String schema, String name) {
        return growth(s -> s.tables().stream().filter(t -> t.schema().equals(schema) && t.name().equals(name))
                .map(Table::totalBytes).findFirst());
    }

    private Optional<Growth> growth(java.util.function.Function<Sizes, Optional<Long>> size) {
        return windowStart.filter(s -> Duration.between(s.at(), now.at()).compareTo(Duration.ofMinutes(10)) >= 0)
                .flatMap(s -> size.apply(s).flatMap(before -> size.apply(now).map(after -> {
                    Duration over = Duration.between(s.at(), now.at());
                    return new Growth(after, (after - before) * 3600.0 / over.toSeconds(), over);
                })));
    }
}
