package dev.vigil.ops.session;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresSessionSignalTest extends SessionSignalBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
