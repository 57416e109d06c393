package dev.vigil.ops.failover;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresFailoverTest extends FailoverBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
