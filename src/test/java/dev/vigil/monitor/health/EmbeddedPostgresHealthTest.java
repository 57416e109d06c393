package dev.vigil.monitor.health;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresHealthTest extends HealthBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
