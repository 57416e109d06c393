package dev.vigil.monitor.lockwaits;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresLockWaitTest extends LockWaitBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
