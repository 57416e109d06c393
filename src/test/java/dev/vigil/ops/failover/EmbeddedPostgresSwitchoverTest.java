package dev.vigil.ops.failover;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresSwitchoverTest extends SwitchoverBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
