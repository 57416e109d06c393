package dev.vigil.migrate;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresMigrationTest extends MigrationBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
