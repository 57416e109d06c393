package dev.vigil.migrate;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresMigrationTest extends MigrationBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("migration tests on system PostgreSQL");
    }
}
