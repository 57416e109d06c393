package dev.vigil.monitor.health;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresHealthTest extends HealthBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("health tests on system PostgreSQL");
    }
}
