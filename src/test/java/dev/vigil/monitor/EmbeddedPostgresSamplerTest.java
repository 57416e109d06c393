package dev.vigil.monitor;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresSamplerTest extends SamplerBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
