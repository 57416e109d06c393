package dev.vigil.migrate.source;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a source holds, ordered by version: the migrations, undo scripts whose version has no migration, and what
 * could not be read as a migration (said in words, never dropped silently).
 */
public record MigrationSet(String source, List<Migration> migrations, List<MigrationScript> orphanUndos,
                           List<String> problems) {
    public MigrationSet {
        migrations = migrations.stream().sorted(Comparator.comparing(Migration::version)).toList();
        orphanUndos = List.copyOf(orphanUndos);
        problems = List.copyOf(problems);
    }

    public Optional<Migration> find(MigrationVersion version) {
        return migrations.stream().filter(m -> m.version().equals(version)).findFirst();
    }

    /** The undo script of {@code version}, also when its V-script is gone from the source. */
    public Optional<MigrationScript> undo(MigrationVersion version) {
        return find(version).flatMap(Migration::undo)
                .or(() -> orphanUndos.stream().filter(u -> u.version().equals(version)).findFirst());
    }
}
