package dev.vigil.migrate.source;

import java.util.Optional;

/** A versioned migration as a source has it: the script that applies it and, when there is one, its undo. */
public record Migration(MigrationScript apply, Optional<MigrationScript> undo) {

    public MigrationVersion version() {
        return apply.version();
    }

    public String description() {
        return apply.description();
    }

    /** "1.2 add loyalty points" */
    public String label() {
        return version() + " " + description();
    }
}
