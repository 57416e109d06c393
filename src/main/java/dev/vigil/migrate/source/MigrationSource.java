package dev.vigil.migrate.source;

import java.io.IOException;

/**
 * Where a project keeps its migrations. Today a folder in the Flyway convention ({@link FlywayFolder}); a
 * Liquibase changelog could be another.
 */
public interface MigrationSource {

    /** For people: "folder /srv/app/db/migration". */
    String describe();

    /** Reads every script now; nothing is cached, so an edited file is seen at the next load. */
    MigrationSet load() throws IOException;
}
