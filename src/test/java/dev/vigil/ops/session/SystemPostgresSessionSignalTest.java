package dev.vigil.ops.session;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresSessionSignalTest extends SessionSignalBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("session signal tests on system PostgreSQL");
    }
}
